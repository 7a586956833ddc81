package ml.sdn.incubation.incubatees;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ml.sdn.incubation.incubatees.IncubateeViews.Dashboard;
import ml.sdn.incubation.incubatees.IncubateeViews.IncubateePage;
import ml.sdn.incubation.incubatees.IncubateeViews.IncubateeView;
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

/**
 * Incubatees: listed and read by organizers (all), their coach and themselves; coach assignment,
 * graduation and drop by organizers; the coach's dashboard.
 */
@RestController
@RequestMapping("${sdn.service.api-prefix}")
class IncubateeController {

    private final IncubateeQueries queries;
    private final Incubatees incubatees;
    private final CoachRoster roster;

    IncubateeController(IncubateeQueries queries, Incubatees incubatees, CoachRoster roster) {
        this.queries = queries;
        this.incubatees = incubatees;
        this.roster = roster;
    }

    @Operation(summary = "List incubatees, by title (organizers: all; coaches: theirs; participants: their own)",
            description = "Paged {content, page, size, totalElements, totalPages}. Filters cohortId, country ML|BF|NE, status "
                    + "ACTIVE|GRADUATED|DROPPED, coachId (a coach asking for another coach's gets an empty page). "
                    + "Coordinators read the cohort summary instead (403), as do jurors. 400 naming an invalid parameter.")
    @GetMapping("/incubatees")
    @PreAuthorize("hasAnyRole('organizer', 'coach', 'participant')")
    IncubateePage list(Caller caller,
                       @RequestParam(required = false) @Size(max = 64, message = "{incubatee.id.invalid}")
                       @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{incubatee.id.invalid}") String cohortId,
                       @Parameter(description = "ML, BF or NE")
                       @RequestParam(required = false)
                       @Pattern(regexp = "(ML|BF|NE)?", message = "{incubatee.country.invalid}") String country,
                       @Parameter(description = "ACTIVE, GRADUATED or DROPPED")
                       @RequestParam(required = false) Incubatee.IncubateeStatus status,
                       @RequestParam(required = false) @Size(max = 64, message = "{coach.id.invalid}")
                       @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{coach.id.invalid}") String coachId,
                       @RequestParam(defaultValue = "0") @Min(value = 0, message = "{incubatee.page.invalid}")
                       @Max(value = 100_000, message = "{incubatee.page.invalid}") int page,
                       @RequestParam(defaultValue = "20") @Min(value = 1, message = "{incubatee.size.invalid}")
                       @Max(value = 100, message = "{incubatee.size.invalid}") int size) {
        roster.enlist(caller);
        return queries.list(caller, new IncubateeQueries.Filters(blankToNull(cohortId), blankToNull(country), status,
                blankToNull(coachId)), page, size);
    }

    @Operation(summary = "One incubatee (organizers, its coach, the incubatee)",
            description = "The record with progress, sessions held, last contact, risk and coach; participantId and "
                    + "coachHistory for organizers only. 404 for anyone else, which says nothing; coordinators 403.")
    @GetMapping("/incubatees/{id}")
    @PreAuthorize("hasAnyRole('organizer', 'coach', 'participant')")
    IncubateeView read(Caller caller, @PathVariable String id) {
        return queries.read(caller, id);
    }

    @Operation(summary = "Assign or reassign the incubatee's coach (organizers)",
            description = "200 with the incubatee. The coach must be on the roster (GET/PUT /coaches; 400 naming coachId "
                    + "otherwise). The previous assignment ends now and stays in the history; CoachAssigned is published "
                    + "with previousCoachId. The current coach again: 200, nothing changes. 404 unknown incubatee; 409 when "
                    + "it is not active.")
    @PutMapping("/incubatees/{id}/coach")
    @PreAuthorize("hasRole('organizer')")
    IncubateeView assignCoach(Caller caller, @PathVariable String id, @Valid @RequestBody AssignCoachRequest request) {
        return queries.view(incubatees.assignCoach(caller, id, request), true);
    }

    @Operation(summary = "Graduate an active incubatee (organizers)",
            description = "200 with the incubatee, IncubateeGraduated published. 404 unknown; 409 unless ACTIVE.")
    @PostMapping("/incubatees/{id}/graduate")
    @PreAuthorize("hasRole('organizer')")
    IncubateeView graduate(@PathVariable String id) {
        return queries.view(incubatees.graduate(id), true);
    }

    @Operation(summary = "Drop an active incubatee, with the reason (organizers)",
            description = "200 with the incubatee, IncubateeDropped published with the reason. 400 naming reason (required, "
                    + "≤500); 404 unknown; 409 unless ACTIVE.")
    @PostMapping("/incubatees/{id}/drop")
    @PreAuthorize("hasRole('organizer')")
    IncubateeView drop(@PathVariable String id, @Valid @RequestBody DropRequest request) {
        return queries.view(incubatees.drop(id, request.reason()), true);
    }

    @Operation(summary = "The coach's active incubatees, most in need of attention first (coaches)",
            description = "At risk first, then most overdue milestones, then longest without contact (never contacted counts "
                    + "from enrolment), then title. Each with progress, sessions, last contact and risk reasons.")
    @GetMapping("/dashboard")
    @PreAuthorize("hasRole('coach')")
    Dashboard dashboard(Caller caller) {
        roster.enlist(caller);
        return queries.dashboard(caller);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
