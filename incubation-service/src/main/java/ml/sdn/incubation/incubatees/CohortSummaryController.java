package ml.sdn.incubation.incubatees;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import ml.sdn.platform.security.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A cohort's figures for organizers and coordinators: its incubatees counted, beside the cohort's own routes. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/cohorts")
class CohortSummaryController {

    private final CohortSummaries summaries;

    CohortSummaryController(CohortSummaries summaries) {
        this.summaries = summaries;
    }

    @Operation(summary = "A cohort's figures (organizers: all or one country; coordinators: their delegation's country)",
            description = "Counts by status, country, category and women-led, average progress, at-risk count. A coordinator "
                    + "always gets their delegation's part, whatever country they ask (403 without a delegation); "
                    + "capacity and seatsTaken only for the whole cohort. 404 when there is no such cohort.")
    @GetMapping("/{id}/summary")
    @PreAuthorize("hasAnyRole('organizer', 'coordinator')")
    CohortSummary summary(Caller caller, @PathVariable String id,
                          @Parameter(description = "ML, BF or NE (organizers)")
                          @RequestParam(required = false)
                          @Pattern(regexp = "(ML|BF|NE)?", message = "{cohort.country.invalid}") String country) {
        if (caller.hasRole("organizer")) {
            return summaries.summary(id, country == null || country.isBlank() ? null : country);
        }
        // a coordinator's scope is their delegation (set by administrators), never a parameter
        String delegation = caller.coordinatedCountry();
        if (delegation == null || !CohortSummary.COUNTRIES.contains(delegation)) {
            throw new AccessDeniedException("coordinator without a delegation");
        }
        return summaries.summary(id, delegation);
    }
}
