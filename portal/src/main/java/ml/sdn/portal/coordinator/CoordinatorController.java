package ml.sdn.portal.coordinator;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.organizer.Json;
import ml.sdn.portal.organizer.Statistics;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /coordinator}: a delegation coordinator's view of their country, as the services scope it to
 * their delegation (never a parameter the page could change): the registration statistics with charts,
 * the participants of the delegation, and the status of the delegation's applications in the current
 * edition's categories (status only, never scores).
 */
@Controller
@PreAuthorize("hasRole('coordinator')")
class CoordinatorController {

    private final Apis apis;

    CoordinatorController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/coordinator")
    String delegation(Model model) {
        model.addAttribute("stats", Statistics.of(apis.registration().get().uri("/api/registrations/stats")
                .retrieve().body(Json.OBJECT)));
        model.addAttribute("participants", apis.registration().get().uri("/api/registrations/participants?size=100")
                .retrieve().body(Json.OBJECT));
        model.addAttribute("applications", currentApplications(model));
        return "coordinator/delegation";
    }

    /** Category (name) → the delegation's applications in it, for the current edition; empty without one. */
    private Map<Map<String, Object>, List<Object>> currentApplications(Model model) {
        Map<Map<String, Object>, List<Object>> byCategory = new LinkedHashMap<>();
        Map<String, Object> edition;
        try {
            edition = apis.competition().get().uri("/api/competitions/editions/current").retrieve().body(Json.OBJECT);
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                return byCategory;
            }
            throw refused;
        }
        model.addAttribute("edition", edition);
        List<Map<String, Object>> categories = apis.competition().get()
                .uri("/api/competitions/editions/{id}/categories", edition.get("id")).retrieve().body(Json.LIST);
        for (Map<String, Object> category : categories == null ? List.<Map<String, Object>>of() : categories) {
            Map<String, Object> page = apis.competition().get()
                    .uri("/api/competitions/applications?categoryId={id}&size=100", category.get("id"))
                    .retrieve().body(Json.OBJECT);
            byCategory.put(category, page != null && page.get("content") instanceof List<?> content
                    ? new ArrayList<>(content) : List.of());
        }
        return byCategory;
    }
}
