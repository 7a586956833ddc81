package ml.sdn.incubation.cohorts;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Cohorts: created by organizers, read by organizers and coaches (coordinators: a brief view). Their figures: incubatees' {@code CohortSummaryController}. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/cohorts")
class CohortController {

    private final Cohorts cohorts;
    private final String apiPrefix;

    CohortController(Cohorts cohorts, @Value("${sdn.service.api-prefix}") String apiPrefix) {
        this.cohorts = cohorts;
        this.apiPrefix = apiPrefix;
    }

    @Operation(summary = "Create an edition's cohort with its milestone template (organizers)",
            description = "201 with Location and the cohort. 400 naming the field: editionId, name (≤120), startDate/endDate "
                    + "(yyyy-MM-dd; endDate after startDate, at most 1096 days later), capacity 1–1000, milestones 1–30 each "
                    + "with code [a-z0-9-]{1,40} unique in the template, title ≤150, description ≤1000, dueOffsetDays 0–730 "
                    + "and due by endDate. 409 when the edition already has its cohort. Candidates of the edition "
                    + "preselected before the cohort existed are enrolled now.")
    @PostMapping
    @PreAuthorize("hasRole('organizer')")
    ResponseEntity<CohortView> create(Caller caller, @Valid @RequestBody CohortRequest request) {
        CohortView created = cohorts.create(caller, request);
        return ResponseEntity.created(URI.create(apiPrefix + "/cohorts/" + created.id())).body(created);
    }

    @Operation(summary = "The cohorts, newest start first (organizers, coaches; coordinators: a brief view)",
            description = "Organizers and coaches get CohortView; coordinators (to reach a cohort's summary) get CohortBrief: "
                    + "id, editionId, name, startDate, endDate.")
    @GetMapping
    @PreAuthorize("hasAnyRole('organizer', 'coach', 'coordinator')")
    List<?> list(Caller caller,
                 @RequestParam(required = false) @Size(max = 64, message = "{cohort.editionId.invalid}")
                 @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{cohort.editionId.invalid}") String editionId) {
        String edition = editionId == null || editionId.isBlank() ? null : editionId;
        return fullView(caller) ? cohorts.list(edition) : cohorts.briefs(edition);
    }

    @Operation(summary = "One cohort (organizers, coaches; coordinators: a brief view)",
            description = "404 when there is none with this id.")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('organizer', 'coach', 'coordinator')")
    Object read(Caller caller, @PathVariable String id) {
        return fullView(caller) ? cohorts.read(id) : cohorts.brief(id);
    }

    /** Capacity, seats and the template are for those who run the cohort, not for delegations. */
    private static boolean fullView(Caller caller) {
        return caller.hasRole("organizer") || caller.hasRole("coach");
    }
}
