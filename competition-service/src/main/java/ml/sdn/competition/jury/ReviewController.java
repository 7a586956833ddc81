package ml.sdn.competition.jury;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import ml.sdn.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Jurors' work: their reviews, their scores, conflicts of interest; and the reviews of an application. */
@RestController
@RequestMapping("${sdn.service.api-prefix}")
class ReviewController {

    private final Reviews reviews;
    private final Conflicts conflicts;

    ReviewController(Reviews reviews, Conflicts conflicts) {
        this.reviews = reviews;
        this.conflicts = conflicts;
    }

    @Operation(summary = "My reviews (jurors)",
            description = "The caller's active reviews of submitted applications (ASSIGNED to do, then SUBMITTED), each "
                    + "with the category's criteria and scale, the caller's own scores, whether scoring is open and until "
                    + "when, when they first saw the other jurors' scores (scoresRevealedAt: their own are final from "
                    + "then), and the application as jurors read it (no names, organisation, country or contacts under "
                    + "blind review). Filters: categoryId, status (ASSIGNED or SUBMITTED), round.")
    @GetMapping("/reviews/mine")
    @PreAuthorize("hasRole('jury')")
    List<MyReview> mine(Caller caller, @RequestParam(required = false) @Size(max = 64) String categoryId,
                        @RequestParam(required = false) ReviewStatus status, @RequestParam(required = false) Round round) {
        return reviews.mine(caller, categoryId, status, round);
    }

    @Operation(summary = "Submit or change my scores of an application (jurors)",
            description = "Every criterion of the category once: score 0–10 in steps of 0.5 and a comment (1–2000 "
                    + "characters); 400 naming scores.<code>[.score|.comment]. Only while the round is scored "
                    + "(PRESELECTION: EVALUATION phase; FINAL: FINAL phase), else 409; may be changed until then, but not "
                    + "once the caller has seen the other jurors' scores of it (409), nor a final score once the "
                    + "edition's results are published (409). 404 when the caller does not review the application or "
                    + "it is no longer submitted. Audited (SCORE_SUBMITTED / SCORE_CHANGED).")
    @PutMapping("/applications/{id}/reviews/mine")
    @PreAuthorize("hasRole('jury')")
    MyReview score(Caller caller, @PathVariable String id, @Valid @RequestBody ReviewRequest request) {
        return reviews.score(caller, id, request);
    }

    @Operation(summary = "Declare a conflict of interest (jurors)",
            description = "The caller's review of the application ends (CONFLICTED) and the application goes to another "
                    + "juror of the category; the caller is never given it again. The reason is shown to organizers "
                    + "only. 404 when the caller does not review it (or it is no longer submitted); 409 outside the "
                    + "round's phases (PRESELECTION: "
                    + "EVALUATION; FINAL: INCUBATION, FINAL). Audited (CONFLICT_DECLARED).")
    @PostMapping("/applications/{id}/conflict")
    @PreAuthorize("hasRole('jury')")
    ConflictView declareConflict(Caller caller, @PathVariable String id, @Valid @RequestBody ConflictRequest request) {
        return conflicts.declare(caller, id, request.reason());
    }

    @Operation(summary = "The reviews of an application (organizers; jurors after their own)",
            description = "Organizers: every review with the juror's identity, status and scores. A juror who reviews the "
                    + "application: 403 unless the category reveals scores (revealScoresAfterOwnReview) and their own "
                    + "review is submitted; then, per round, their own and the others' submitted scores as \"Juror 1\", "
                    + "\"Juror 2\"… in order of submission. Once others' scores have been shown to a juror, their own "
                    + "scores of the application are final. Anyone else, a juror who does not review it, or an "
                    + "application no longer submitted: 404.")
    @GetMapping("/applications/{id}/reviews")
    @PreAuthorize("hasAnyRole('organizer', 'jury')")
    ApplicationReviews reviewsOf(Caller caller, @PathVariable String id) {
        return reviews.reviewsOf(caller, id);
    }
}
