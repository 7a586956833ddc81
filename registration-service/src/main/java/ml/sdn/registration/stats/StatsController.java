package ml.sdn.registration.stats;

import jakarta.validation.constraints.Pattern;
import ml.sdn.platform.security.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration figures for the organising committee (every country, or one with {@code ?country=})
 * and for a delegation coordinator (always and only their delegation's country, whatever they ask for).
 */
@RestController
@Validated
@RequestMapping("${sdn.service.api-prefix}/stats")
class StatsController {

    private final StatsQueries queries;

    StatsController(StatsQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('organizer', 'coordinator')")
    RegistrationStats stats(Caller caller,
                            @RequestParam(required = false)
                            @Pattern(regexp = "ML|BF|NE", message = "{stats.country.invalid}") String country) {
        if (caller.hasRole("organizer")) {
            return queries.of(country);
        }
        // a coordinator's scope is their delegation (set by administrators), never a parameter; none, no figures
        String delegation = caller.coordinatedCountry();
        if (delegation == null || !StatsQueries.COUNTRIES.contains(delegation)) {
            throw new AccessDeniedException("coordinator without a delegation");
        }
        return queries.of(delegation);
    }
}
