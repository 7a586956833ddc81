package ml.sdn.competition.awards;

import io.swagger.v3.oas.annotations.Operation;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** An edition's final results: previewed and published once by organizers, then public. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/editions/{id}/results")
class ResultsController {

    private final Results results;
    private final String apiPrefix;

    ResultsController(Results results, @Value("${sdn.service.api-prefix}") String apiPrefix) {
        this.results = results;
        this.apiPrefix = apiPrefix;
    }

    @Operation(summary = "Published results (anyone, no sign-in needed)",
            description = "Per category its laureates and the Special Prize for the best women-led initiative (or why "
                    + "it was not awarded), as frozen at publication. 404 before publication and for an unknown edition.")
    @GetMapping
    PublicResults published(@PathVariable String id) {
        return results.published(id, LocaleContextHolder.getLocale());
    }

    @Operation(summary = "What publishing now would announce (organizers)",
            description = "Final ranking of each category's finalists, the prizes, the Special Prize, and the blockers "
                    + "that would refuse publication. 404 for an unknown edition.")
    @GetMapping("/preview")
    @PreAuthorize("hasRole('organizer')")
    ResultsPreview preview(@PathVariable String id) {
        return results.preview(id, LocaleContextHolder.getLocale());
    }

    @Operation(summary = "Publish the results, once (organizers)",
            description = "201 with the public results. 409 when already published, or when a category is not in its "
                    + "FINAL or CLOSED phase, has no confirmed preselection, or has finalists none of whom is ranked "
                    + "by the final round. 404 for an unknown edition.")
    @PostMapping("/publish")
    @PreAuthorize("hasRole('organizer')")
    ResponseEntity<PublicResults> publish(Caller caller, @PathVariable String id) {
        PublicResults published = results.publish(caller, id, LocaleContextHolder.getLocale());
        return ResponseEntity.created(URI.create(apiPrefix + "/editions/" + id + "/results")).body(published);
    }
}
