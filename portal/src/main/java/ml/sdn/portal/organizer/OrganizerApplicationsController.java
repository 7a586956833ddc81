package ml.sdn.portal.organizer;

import ml.sdn.portal.api.Downloads;
import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /organizer/applications}: every application of the current edition (or {@code edition}), filtered by
 * category, status, country and women-led, twenty a page, each with its page; the same list as a CSV file.
 * The filters go to competition-service as typed: a tampered one comes back as its 400, said next to the filter.
 */
@Controller
@PreAuthorize("hasRole('organizer')")
class OrganizerApplicationsController {

    static final List<String> STATUSES = List.of("DRAFT", "SUBMITTED", "WITHDRAWN");
    static final List<String> COUNTRIES = List.of("ML", "BF", "NE");
    static final int PAGE_SIZE = 20;

    private final Apis apis;

    OrganizerApplicationsController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/organizer/applications")
    String list(@RequestParam Map<String, String> params, Model model) {
        Map<String, String> filters = filters(params);
        model.addAttribute("filters", filters);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("countries", COUNTRIES);
        Map<String, Object> edition = edition(filters.get("edition"));
        model.addAttribute("edition", edition);
        if (edition == null) {
            return "organizer/applications";
        }
        filters.put("edition", String.valueOf(edition.get("id")));
        model.addAttribute("categories", apis.competition().get()
                .uri("/api/competitions/editions/{id}/categories", edition.get("id")).retrieve().body(Json.LIST));
        try {
            model.addAttribute("result", apis.competition().get()
                    .uri(uri("/api/competitions/applications", serviceParams(filters, true)))
                    .retrieve().body(Json.OBJECT));
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
        }
        Map<String, String> withoutPage = new LinkedHashMap<>(filters);
        withoutPage.remove("page");
        model.addAttribute("csvLink", link("/organizer/applications.csv", withoutPage));
        model.addAttribute("xlsxLink", link("/organizer/applications.xlsx", withoutPage));
        model.addAttribute("pageLink", link("/organizer/applications", withoutPage));
        return "organizer/applications";
    }

    @GetMapping("/organizer/applications.{format:csv|xlsx}")
    ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam Map<String, String> params) {
        Map<String, String> filters = filters(params);
        ResponseEntity<byte[]> file = apis.competition().get()
                .uri(uri("/api/competitions/applications." + format, serviceParams(filters, false)))
                .accept(Downloads.accept(format)).retrieve().toEntity(byte[].class);
        return Downloads.relay(file, format, "candidatures");
    }

    @GetMapping("/organizer/applications/{id}")
    String detail(@PathVariable String id, Model model) {
        model.addAttribute("item", apis.competition().get().uri("/api/competitions/applications/{id}", id)
                .retrieve().body(Json.OBJECT));
        return "organizer/application";
    }

    /** The filters a person can set, as typed (blank ones left out). */
    static Map<String, String> filters(Map<String, String> params) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : List.of("edition", "category", "status", "country", "womenLed", "page")) {
            String value = params.get(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.strip());
            }
        }
        return filters;
    }

    /** The service's parameters for these filters ({@code page} and {@code size} only for the list). */
    static Map<String, String> serviceParams(Map<String, String> filters, boolean paged) {
        Map<String, String> names = Map.of("edition", "editionId", "category", "categoryId", "status", "status",
                "country", "country", "womenLed", "womenLed", "page", "page");
        Map<String, String> params = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (!"page".equals(name) || paged) {
                params.put(names.get(name), value);
            }
        });
        if (paged) {
            params.put("size", String.valueOf(PAGE_SIZE));
        }
        return params;
    }

    /** {@code path} with these parameters, each value encoded whatever was typed (braces included). */
    static java.util.function.Function<org.springframework.web.util.UriBuilder, java.net.URI> uri(String path,
                                                                                                 Map<String, String> params) {
        return ml.sdn.portal.api.Addresses.service(path, params);
    }

    /** The portal's own address for these filters (the CSV link, the pages), encoded. */
    static String link(String path, Map<String, String> filters) {
        return ml.sdn.portal.api.Addresses.page(path, filters);
    }

    private Map<String, Object> edition(String id) {
        try {
            return id == null ? apis.competition().get().uri("/api/competitions/editions/current").retrieve().body(Json.OBJECT)
                    : apis.competition().get().uri("/api/competitions/editions/{id}", id).retrieve().body(Json.OBJECT);
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                return null;
            }
            throw refused;
        }
    }
}
