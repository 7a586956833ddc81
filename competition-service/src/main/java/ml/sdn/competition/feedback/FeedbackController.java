package ml.sdn.competition.feedback;

import io.swagger.v3.oas.annotations.Operation;
import ml.sdn.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("${sdn.service.api-prefix}/applications")
class FeedbackController {

    private final Feedback feedback;

    FeedbackController(Feedback feedback) {
        this.feedback = feedback;
    }

    @Operation(summary = "The jury's comments on one's application (its applicant)",
            description = "200 with the preselection reviews' comments per criterion, numbered, without jurors' names; the "
                    + "scores too when the category shares them (settings.shareScoresWithApplicants). 404 unless the caller "
                    + "is the applicant, the preselection of the category is confirmed and the category shares comments "
                    + "(settings.shareCommentsWithApplicants).")
    @GetMapping("/{id}/feedback")
    @PreAuthorize("hasRole('participant')")
    ApplicantFeedback feedback(Caller caller, @PathVariable String id) {
        return feedback.of(caller, id);
    }
}
