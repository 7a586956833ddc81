package ml.sdn.portal.directory;

import ml.sdn.portal.api.Downloads;
import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.organizer.Json;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ml.sdn.portal.api.Addresses.page;
import static ml.sdn.portal.api.Addresses.service;

/**
 * The participant and organisation directory, for organizers ({@code /organizer/...}) and for a delegation's
 * coordinator ({@code /coordinator/...}): the same pages, scoped by registration-service to what the signed-in
 * person may see (a coordinator's delegation comes from their token, never from the page: a tampered
 * {@code country} gives an empty list, another delegation's person or organisation the not-found page).
 * The search is a GET form, pages are links; a person's applications come from competition-service's list
 * ({@code applicantId}), composed here like the applications pages compose editions and categories.
 */
abstract class DirectoryPages {

    static final List<String> COUNTRIES = List.of("ML", "BF", "NE");
    static final List<String> TYPES = List.of("START_UP", "SME", "PROJECT_TEAM");
    static final int PAGE_SIZE = 20;
    /** The page's filter → registration-service's parameter, for each list. */
    static final Map<String, String> PARTICIPANT_FILTERS = orderedMap("q", "q", "country", "country", "type", "organizationType",
            "sector", "sector", "womenLed", "womenLed", "day", "day", "page", "page");
    static final Map<String, String> ORGANIZATION_FILTERS = orderedMap("q", "q", "country", "country", "type", "type",
            "sector", "sector", "womenLed", "womenLed", "page", "page");

    private final Apis apis;
    private final String base;

    DirectoryPages(Apis apis, String base) {
        this.apis = apis;
        this.base = base;
    }

    String participants(Map<String, String> params, Model model) {
        Map<String, String> filters = filters(params, PARTICIPANT_FILTERS);
        common(model, filters);
        model.addAttribute("days", days());
        try {
            Map<String, Object> result = apis.registration().get()
                    .uri(service("/api/registrations/participants", serviceParams(filters, PARTICIPANT_FILTERS, true)))
                    .retrieve().body(Json.OBJECT);
            model.addAttribute("result", result);
        } catch (ApiException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            FormErrors.show(model, renamed(refused, PARTICIPANT_FILTERS));
        }
        links(model, "participants", filters);
        return "directory/participants";
    }

    String participant(String id, Model model) {
        model.addAttribute("base", base);
        Map<String, Object> found = apis.registration().get().uri("/api/registrations/participants/{id}", id)
                .retrieve().body(Json.OBJECT);
        model.addAttribute("found", found);
        model.addAttribute("applications", apis.competition().get()
                .uri("/api/competitions/applications?applicantId={id}&size=100", id).retrieve().body(Json.OBJECT));
        return "directory/participant";
    }

    ResponseEntity<byte[]> participantsFile(String format, Map<String, String> params) {
        return file("/api/registrations/participants." + format, format, filters(params, PARTICIPANT_FILTERS), PARTICIPANT_FILTERS);
    }

    String organizations(Map<String, String> params, Model model) {
        Map<String, String> filters = filters(params, ORGANIZATION_FILTERS);
        common(model, filters);
        try {
            Map<String, Object> page = apis.registration().get()
                    .uri(service("/api/registrations/organizations", serviceParams(filters, ORGANIZATION_FILTERS, true)))
                    .retrieve().body(Json.OBJECT);
            model.addAttribute("result", springPage(page));
        } catch (ApiException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            FormErrors.show(model, renamed(refused, ORGANIZATION_FILTERS));
        }
        links(model, "organizations", filters);
        return "directory/organizations";
    }

    String organization(String id, Model model) {
        model.addAttribute("base", base);
        model.addAttribute("organization", apis.registration().get().uri("/api/registrations/organizations/{id}", id)
                .retrieve().body(Json.OBJECT));
        return "directory/organization";
    }

    ResponseEntity<byte[]> organizationsFile(String format, Map<String, String> params) {
        return file("/api/registrations/organizations." + format, format, filters(params, ORGANIZATION_FILTERS), ORGANIZATION_FILTERS);
    }

    private void common(Model model, Map<String, String> filters) {
        model.addAttribute("base", base);
        model.addAttribute("filters", filters);
        model.addAttribute("countries", COUNTRIES);
        model.addAttribute("types", TYPES);
        model.addAttribute("sectors", apis.registration().get().uri("/api/registrations/organizations/sectors")
                .retrieve().body(Json.LIST));
    }

    private void links(Model model, String list, Map<String, String> filters) {
        Map<String, String> withoutPage = new LinkedHashMap<>(filters);
        withoutPage.remove("page");
        model.addAttribute("csvLink", page(base + "/" + list + ".csv", withoutPage));
        model.addAttribute("xlsxLink", page(base + "/" + list + ".xlsx", withoutPage));
        model.addAttribute("pageLink", page(base + "/" + list, withoutPage));
    }

    /** The days of the week people register for (dates), for the day filter. */
    private List<Map<String, Object>> days() {
        return apis.registration().get().uri("/api/registrations/attendance/days").retrieve().body(Json.LIST);
    }

    /** The file, with the current edition named in its first line (registration-service keeps no editions). */
    private ResponseEntity<byte[]> file(String path, String format, Map<String, String> filters, Map<String, String> names) {
        Map<String, String> params = serviceParams(filters, names, false);
        String edition = Downloads.currentEditionName(apis);
        if (edition != null) {
            params.put("edition", edition);
        }
        ResponseEntity<byte[]> file = apis.registration().get().uri(service(path, params))
                .accept(Downloads.accept(format)).retrieve().toEntity(byte[].class);
        return Downloads.relay(file, format, "export");
    }

    /** The filters a person can set, as typed (blank ones left out). */
    static Map<String, String> filters(Map<String, String> params, Map<String, String> names) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : names.keySet()) {
            String value = params.get(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.strip());
            }
        }
        return filters;
    }

    /** The service's parameters for these filters ({@code page} and {@code size} only for the list). */
    static Map<String, String> serviceParams(Map<String, String> filters, Map<String, String> names, boolean paged) {
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

    /** The service names its parameters; the page's fields may be called otherwise ({@code organizationType} → {@code type}). */
    private static ApiException renamed(ApiException refused, Map<String, String> names) {
        Map<String, String> back = new LinkedHashMap<>();
        names.forEach((page, service) -> back.put(service, page));
        return new ApiException(new ml.sdn.portal.api.ApiProblem(refused.status(), refused.problem().title(),
                refused.problem().detail(), refused.problem().errors().stream().map(error -> new ml.sdn.portal.api.ApiProblem
                        .FieldMessage(back.getOrDefault(error.field(), error.field()), error.message())).toList()));
    }

    /** registration's organisation page ({@code items, page, size, total}) in the shape the pages read. */
    static Map<String, Object> springPage(Map<String, Object> page) {
        long total = page.get("total") instanceof Number number ? number.longValue() : 0;
        int size = page.get("size") instanceof Number number ? number.intValue() : PAGE_SIZE;
        return Map.of("content", page.getOrDefault("items", List.of()), "page", page.getOrDefault("page", 0),
                "totalElements", total, "totalPages", (int) ((total + size - 1) / size));
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
