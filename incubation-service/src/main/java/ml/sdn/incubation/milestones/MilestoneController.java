package ml.sdn.incubation.milestones;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/** An incubatee's milestones: read by them, their coach and organizers; moved by the incubatee and judged by the coach. */
@RestController
@RequestMapping("${sdn.service.api-prefix}")
class MilestoneController {

    private final Milestones milestones;
    private final String apiPrefix;

    MilestoneController(Milestones milestones, @Value("${sdn.service.api-prefix}") String apiPrefix) {
        this.milestones = milestones;
        this.apiPrefix = apiPrefix;
    }

    @Operation(summary = "An incubatee's milestones, earliest due first",
            description = "For the incubatee, their current coach and organizers (anyone else: 404). Each with its "
                    + "state, overdue flag, evidence, feedback, history and the steps the caller may take now.")
    @GetMapping("/incubatees/{incubateeId}/milestones")
    List<MilestoneView> list(Caller caller, @PathVariable String incubateeId) {
        return milestones.of(caller, incubateeId);
    }

    @Operation(summary = "Add a custom milestone (the incubatee's coach, organizers)",
            description = "201 with Location and the milestone (TODO). title ≤ 150, description ≤ 2000, dueDate "
                    + "yyyy-MM-dd, today (Bamako) or later and within 5 years: 400 naming the field. 404 when the "
                    + "incubatee is not the caller's; 403 for the incubatee and other roles; 409 when the incubation "
                    + "has ended (GRADUATED, DROPPED).")
    @PostMapping("/incubatees/{incubateeId}/milestones")
    @PreAuthorize("hasAnyRole('coach', 'organizer')")
    ResponseEntity<MilestoneView> add(Caller caller, @PathVariable String incubateeId,
                                      @RequestBody MilestoneRequests.CustomMilestone request) { // checked in Milestones.add, all at once
        MilestoneView created = milestones.add(caller, incubateeId, request);
        return ResponseEntity.created(UriComponentsBuilder.fromPath(apiPrefix + "/milestones/{id}")
                .buildAndExpand(created.id()).encode().toUri()).body(created);
    }

    @Operation(summary = "One milestone", description = "Same access as the incubatee's list; anyone else: 404.")
    @GetMapping("/milestones/{id}")
    MilestoneView one(Caller caller, @PathVariable String id) {
        return milestones.one(caller, id);
    }

    @Operation(summary = "Start a milestone (the incubatee)",
            description = "TODO → IN_PROGRESS. 403 for their coach or an organizer; 404 for anyone else; 409 naming the "
                    + "state when it is not TODO, or when the incubation has ended.")
    @PostMapping("/milestones/{id}/start")
    MilestoneView start(Caller caller, @PathVariable String id) {
        return milestones.start(caller, id);
    }

    @Operation(summary = "Submit a milestone for validation (the incubatee)",
            description = "From TODO, IN_PROGRESS or SENT_BACK → SUBMITTED, with evidenceUrl (https, ≤ 500, required) and "
                    + "an optional comment (≤ 2000); MilestoneSubmitted is published. 400 naming the field; 403 for "
                    + "their coach or an organizer; 404 for anyone else; 409 naming the state otherwise.")
    @PostMapping("/milestones/{id}/submit")
    MilestoneView submit(Caller caller, @PathVariable String id, @Valid @RequestBody MilestoneRequests.Submission request) {
        return milestones.submit(caller, id, request);
    }

    @Operation(summary = "Validate a submitted milestone (the incubatee's coach, organizers)",
            description = "SUBMITTED → VALIDATED, with an optional comment (≤ 2000) kept in the history; "
                    + "MilestoneValidated is published. 403 for the incubatee and other roles; 404 when the incubatee "
                    + "is not the caller's; 409 naming the state when it is not SUBMITTED.")
    @PostMapping("/milestones/{id}/validate")
    @PreAuthorize("hasAnyRole('coach', 'organizer')")
    MilestoneView validate(Caller caller, @PathVariable String id,
                           @Valid @RequestBody(required = false) MilestoneRequests.Validation request) {
        return milestones.validate(caller, id, request);
    }

    @Operation(summary = "Send a submitted milestone back (the incubatee's coach, organizers)",
            description = "SUBMITTED → SENT_BACK with the required feedback (≤ 2000) the incubatee reads; "
                    + "MilestoneSentBack is published. Same answers as validate.")
    @PostMapping("/milestones/{id}/reject")
    @PreAuthorize("hasAnyRole('coach', 'organizer')")
    MilestoneView reject(Caller caller, @PathVariable String id, @Valid @RequestBody MilestoneRequests.SendBack request) {
        return milestones.sendBack(caller, id, request);
    }
}
