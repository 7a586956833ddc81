package ml.sdn.portal.organizer;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.Downloads;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;

/**
 * {@code /organizer/jury}: the jury page of a category of the current edition (or {@code edition}), the one
 * {@code category} names by id or code, else the first. The page itself is the category's, so that every jury
 * form has one address.
 */
@Controller
@PreAuthorize("hasRole('organizer')")
class OrganizerJuryController {

    private final Apis apis;

    OrganizerJuryController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/organizer/jury")
    String jury(@RequestParam(name = "edition", required = false) String edition,
                @RequestParam(name = "category", required = false) String category) {
        Map<String, Object> found;
        try {
            found = edition == null || edition.isBlank()
                    ? apis.competition().get().uri("/api/competitions/editions/current").retrieve().body(Json.OBJECT)
                    : apis.competition().get().uri("/api/competitions/editions/{id}", edition.strip()).retrieve().body(Json.OBJECT);
        } catch (ApiException refused) {
            if (refused.status() == 404 && (edition == null || edition.isBlank())) {
                return "redirect:/organizer/editions"; // no current edition yet: the list, where one is chosen
            }
            throw refused;
        }
        String editionId = String.valueOf(found.get("id"));
        List<Map<String, Object>> categories = apis.competition().get()
                .uri("/api/competitions/editions/{id}/categories", editionId).retrieve().body(Json.LIST);
        String chosen = chosen(categories, category);
        if (chosen == null) {
            if (category != null && !category.isBlank()) {
                // a category not of this edition: the service's not-found page, as for the category's own address
                return "redirect:" + path(editionId, category.strip());
            }
            return "redirect:" + UriComponentsBuilder.fromPath("/organizer/editions/{id}").buildAndExpand(editionId).encode().toUriString();
        }
        return "redirect:" + path(editionId, chosen);
    }

    /**
     * competition-service's jury progress of every category of the edition in one file, CSV or XLSX (the user's
     * language), handed on as a download.
     */
    @GetMapping("/organizer/editions/{edition}/jury.{format:csv|xlsx}")
    ResponseEntity<byte[]> editionFile(@PathVariable String edition, @PathVariable String format) {
        ResponseEntity<byte[]> file = apis.competition().get().uri("/api/competitions/editions/{id}/jurors." + format, edition)
                .accept(Downloads.accept(format)).retrieve().toEntity(byte[].class);
        return Downloads.relay(file, format, "avancement-jury");
    }

    /** The id of the category {@code wanted} names (by id or code), the first one when nothing is asked; null otherwise. */
    static String chosen(List<Map<String, Object>> categories, String wanted) {
        if (categories == null || categories.isEmpty()) {
            return null;
        }
        if (wanted == null || wanted.isBlank()) {
            return String.valueOf(categories.get(0).get("id"));
        }
        String typed = wanted.strip();
        return categories.stream()
                .filter(c -> typed.equals(String.valueOf(c.get("id"))) || typed.equalsIgnoreCase(String.valueOf(c.get("code"))))
                .map(c -> String.valueOf(c.get("id"))).findFirst().orElse(null);
    }

    private static String path(String edition, String category) {
        return UriComponentsBuilder.fromPath("/organizer/editions/{edition}/categories/{category}/jury")
                .buildAndExpand(edition, category).encode().toUriString();
    }
}
