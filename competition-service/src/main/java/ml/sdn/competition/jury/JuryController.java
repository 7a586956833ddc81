package ml.sdn.competition.jury;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import ml.sdn.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organizers run a category's jury: who is on it, and who reviews what. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/categories/{id}")
@PreAuthorize("hasRole('organizer')")
class JuryController {

    private final JuryRosters rosters;
    private final Assignments assignments;

    JuryController(JuryRosters rosters, Assignments assignments) {
        this.rosters = rosters;
        this.assignments = assignments;
    }

    @Operation(summary = "A category's jurors (organizers)",
            description = "Each juror's participant id, username, name, number of organisations, and their pending and "
                    + "submitted reviews of the category; 404 for an unknown category.")
    @GetMapping("/jurors")
    RosterView jurors(@PathVariable String id) {
        return rosters.read(id);
    }

    @Operation(summary = "Replace a category's jurors (organizers)",
            description = "1 to 100 usernames of people who signed in and completed a registration profile (400 naming "
                    + "usernames[i] otherwise, or when repeated). Pending reviews of jurors taken off are withdrawn "
                    + "(withdrawnReviews); scored ones stay. Audited (JURY_CHANGED).")
    @PutMapping("/jurors")
    RosterView replaceJurors(Caller caller, @PathVariable String id, @Valid @RequestBody RosterRequest request) {
        return rosters.replace(caller, id, request);
    }

    @Operation(summary = "Run the automatic jury assignment (organizers)",
            description = "Gives every application of the round k jurors (category setting jurorsPerApplication) from "
                    + "the category's jurors: never their own application or organisation, nor one they declared a "
                    + "conflict on; loads differ by at most one whenever possible. Keeps every active review that still "
                    + "stands (re-running adds only what is missing); a review, even scored, whose juror now belongs to "
                    + "the applicant's organisation (or is the applicant) ends and stops counting (withdrawn, audited "
                    + "JUROR_REMOVED). A pair an organizer removed is never given back automatically; one the service "
                    + "ended itself (rebalancing, a juror off and back on the jury) may be. round: PRESELECTION "
                    + "(EVALUATION phase, submitted applications) or FINAL (INCUBATION or FINAL phase, finalists); "
                    + "default from the phase open now. 409 outside those phases or without jurors; 404 for an unknown "
                    + "category. Audited (ASSIGNMENTS_RUN).")
    @PostMapping("/assignments")
    AssignmentRun run(Caller caller, @PathVariable String id, @RequestParam(required = false) Round round) {
        return assignments.run(caller, id, round);
    }

    @Operation(summary = "A category's reviews, without scores (organizers)",
            description = "By round, application and juror; filters round, status, username; page 0–100000, size 1–100 "
                    + "(400 naming the parameter).")
    @GetMapping("/assignments")
    AssignmentPage list(@PathVariable String id, @RequestParam(required = false) Round round,
                        @RequestParam(required = false) ReviewStatus status,
                        @RequestParam(required = false) @Size(max = 100) String username,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return assignments.list(id, round, status, username, page, size);
    }

    @Operation(summary = "Give one application to one juror (organizers)",
            description = "The juror must be on the category's jury (400 naming username) and the application in the "
                    + "round (400 naming applicationId); 409 when they may not review it (own application or "
                    + "organisation, declared conflict), already review it, or outside the round's assignment phases. "
                    + "A reason is required. Audited (JUROR_ASSIGNED).")
    @PostMapping("/assignments/manual")
    @ResponseStatus(HttpStatus.CREATED)
    AssignmentView addManually(Caller caller, @PathVariable String id, @RequestBody ManualAssignmentRequest request) { // checked in Assignments, all at once
        return assignments.addManually(caller, id, request);
    }

    @Operation(summary = "Take a review away from its juror (organizers)",
            description = "The review ends (REMOVED); a submitted one stops counting in the ranking. reason is required "
                    + "(400 naming reason). 404 for a review not of this category; 409 when it has already ended or "
                    + "outside the round's assignment phases. Audited (JUROR_REMOVED). Re-run the assignment to give "
                    + "the application another juror.")
    @DeleteMapping("/assignments/{reviewId}")
    AssignmentView remove(Caller caller, @PathVariable String id, @PathVariable String reviewId,
                          @RequestParam(required = false) String reason) {
        return assignments.remove(caller, id, reviewId, reason);
    }
}
