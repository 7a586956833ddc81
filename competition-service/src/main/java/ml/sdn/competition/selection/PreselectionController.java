package ml.sdn.competition.selection;

import io.swagger.v3.oas.annotations.Operation;
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

import java.net.URI;

/** A category's preselection, confirmed once by an organizer. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/categories/{id}/preselection")
class PreselectionController {

    private final Preselections preselections;
    private final String apiPrefix;

    PreselectionController(Preselections preselections, @Value("${sdn.service.api-prefix}") String apiPrefix) {
        this.preselections = preselections;
        this.apiPrefix = apiPrefix;
    }

    @Operation(summary = "Confirm a category's preselection (organizers)",
            description = "Body optional: without applicationIds, the ranking's first preselectCount. Any other choice "
                    + "(other applications or another number) needs overrideReason (400 naming it). 400 naming "
                    + "applicationIds[i] for an id that is not a submitted application of the category or is repeated; "
                    + "409 outside the PRESELECTION phase, when already confirmed, or when nothing is ranked and no "
                    + "choice is given; 404 for an unknown category.")
    @PostMapping
    @PreAuthorize("hasRole('organizer')")
    ResponseEntity<PreselectionView> confirm(Caller caller, @PathVariable String id,
                                             @RequestBody(required = false) PreselectionRequest request) { // checked in Preselections, all at once
        PreselectionView decision = preselections.confirm(caller, id, request == null ? PreselectionRequest.DEFAULT : request);
        return ResponseEntity.created(URI.create(apiPrefix + "/categories/" + id + "/preselection")).body(decision);
    }

    @Operation(summary = "A category's confirmed preselection (organizers; 404 before it is confirmed)")
    @GetMapping
    @PreAuthorize("hasRole('organizer')")
    PreselectionView read(@PathVariable String id) {
        return preselections.read(id);
    }
}
