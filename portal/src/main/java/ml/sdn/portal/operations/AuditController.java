package ml.sdn.portal.operations;

import ml.sdn.portal.api.Addresses;
import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.organizer.When;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /organizer/audit}: competition-service's audit trail of the current edition (or {@code edition}),
 * newest first, filtered by action, twenty a page; each line in words (the action, who, when, the category
 * by its name, the reason given).
 */
@Controller
@PreAuthorize("hasRole('organizer')")
class AuditController {

    static final List<String> ACTIONS = List.of("PHASE_CHANGED", "DEADLINE_EXTENDED", "JURY_CHANGED", "ASSIGNMENTS_RUN",
            "JUROR_ASSIGNED", "JUROR_REMOVED", "CONFLICT_DECLARED", "SCORE_SUBMITTED", "SCORE_CHANGED",
            "PRESELECTION_CONFIRMED", "PRESELECTION_OVERRIDDEN", "FINAL_RANKED", "AWARD_GRANTED", "RESULTS_PUBLISHED",
            "EDITION_CHANGED", "EDITION_ARCHIVED", "CURRENT_EDITION_CHOSEN");
    static final int PAGE_SIZE = 20;
    private static final When WHEN = new When();
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final Apis apis;

    AuditController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/organizer/audit")
    String audit(@RequestParam(required = false) String edition, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String page, Model model) {
        model.addAttribute("when", WHEN);
        model.addAttribute("actions", ACTIONS);
        Map<String, Object> current = edition(edition == null || edition.isBlank() ? null : edition.strip());
        model.addAttribute("edition", current);
        if (current == null) {
            return "operations/audit";
        }
        // as typed: a tampered action comes back as the service's 400, said next to its filter
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("edition", String.valueOf(current.get("id")));
        if (action != null && !action.isBlank()) {
            filters.put("action", action.strip());
        }
        model.addAttribute("filters", filters);
        model.addAttribute("pageLink", Addresses.page("/organizer/audit", filters));
        model.addAttribute("categories", categoryNames(apis.competition().get()
                .uri("/api/competitions/editions/{id}/categories", current.get("id")).retrieve().body(LIST)));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("editionId", filters.get("edition"));
        if (filters.containsKey("action")) {
            params.put("action", filters.get("action"));
        }
        if (page != null && !page.isBlank()) {
            params.put("page", page.strip());
        }
        params.put("size", String.valueOf(PAGE_SIZE));
        try {
            model.addAttribute("result", apis.competition().get()
                    .uri(Addresses.service("/api/competitions/audit", params)).retrieve().body(OBJECT));
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
        }
        return "operations/audit";
    }

    /** Category id → its name in both languages, for the lines that name a category by its id. */
    static Map<String, Object> categoryNames(List<Map<String, Object>> categories) {
        Map<String, Object> names = new LinkedHashMap<>();
        if (categories != null) {
            categories.forEach(category -> names.put(String.valueOf(category.get("id")), category.get("name")));
        }
        return names;
    }

    private Map<String, Object> edition(String id) {
        try {
            return id == null ? apis.competition().get().uri("/api/competitions/editions/current").retrieve().body(OBJECT)
                    : apis.competition().get().uri("/api/competitions/editions/{id}", id).retrieve().body(OBJECT);
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                return null;
            }
            throw refused;
        }
    }
}
