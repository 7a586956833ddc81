package ml.sdn.incubation.incubatees;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import ml.sdn.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The coach roster with each coach's load, for organizers assigning coaches. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/coaches")
@PreAuthorize("hasRole('organizer')")
class CoachController {

    private final CoachRoster roster;

    CoachController(CoachRoster roster) {
        this.roster = roster;
    }

    @Operation(summary = "The coaches and their load (organizers)",
            description = "[{id, name, onRoster, verified, activeIncubatees}]: those on the roster first, least loaded "
                    + "first, then by name; then those taken off it. Coaches join the roster by signing in (their coach "
                    + "views: dashboard or incubatee list), or an organizer declares them.")
    @GetMapping
    List<CoachLoad> list() {
        return roster.loads();
    }

    @Operation(summary = "Replace the coach roster (organizers)",
            description = "{coaches: [{id (Keycloak user id), name}]} (≤200): those listed are on the roster with these names, "
                    + "everyone else is taken off (they keep their incubatees until reassigned). 200 with the list as GET "
                    + "gives it. 400 naming the field (coaches[i].id format or repeated, coaches[i].name).")
    @PutMapping
    List<CoachLoad> replace(Caller caller, @Valid @RequestBody RosterRequest request) {
        return roster.replace(caller, request);
    }
}
