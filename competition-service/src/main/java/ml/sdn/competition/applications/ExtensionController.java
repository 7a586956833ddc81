package ml.sdn.competition.applications;

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
import java.util.List;

/** Deadline extensions of a category, for everyone or one applicant (organizers). */
@RestController
@RequestMapping("${sdn.service.api-prefix}/categories/{id}/extensions")
class ExtensionController {

    private final DeadlineExtensions extensions;
    private final String apiPrefix;

    ExtensionController(DeadlineExtensions extensions, @Value("${sdn.service.api-prefix}") String apiPrefix) {
        this.extensions = extensions;
        this.apiPrefix = apiPrefix;
    }

    @Operation(summary = "Extend a category's submission deadline (organizers)",
            description = "For one applicant (applicantId, a registered participant) or the whole category (applicantId "
                    + "null), until a Bamako wall-clock time after the deadline (the start of EVALUATION), still ahead, at "
                    + "most 30 days after the deadline and before PRESELECTION starts (400 naming until); reason required, "
                    + "at most 500 characters. 201 with Location; DeadlineExtended is published on competition.categories "
                    + "and the audit trail keeps who, when and why. The applicant may then draft, edit, submit and "
                    + "withdraw until then. 404 for an unknown category.")
    @PostMapping
    @PreAuthorize("hasRole('organizer')")
    ResponseEntity<ExtensionView> extend(Caller caller, @PathVariable String id, @RequestBody ExtensionRequest request) { // checked in DeadlineExtensions, all at once
        ExtensionView created = extensions.extend(caller, id, request);
        return ResponseEntity.created(URI.create(apiPrefix + "/categories/" + id + "/extensions/" + created.id())).body(created);
    }

    @Operation(summary = "One deadline extension of a category (organizers; 404 when unknown)")
    @GetMapping("/{extensionId}")
    @PreAuthorize("hasRole('organizer')")
    ExtensionView read(@PathVariable String id, @PathVariable String extensionId) {
        return extensions.read(id, extensionId);
    }

    @Operation(summary = "A category's deadline extensions, oldest first (organizers; 404 for an unknown category)")
    @GetMapping
    @PreAuthorize("hasRole('organizer')")
    List<ExtensionView> list(@PathVariable String id) {
        return extensions.list(id);
    }
}
