package ml.sdn.portal.operations;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.Addresses;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.organizer.When;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations pages of organizers: {@code /organizer/deliveries} (notification-service's log of e-mails
 * and SMS, filtered by status and channel, twenty a page; a failed e-mail sent again) and {@code /organizer/dead-letters} (the dead letters of the
 * four services, each with a "Rejouer" form). A service that does not answer is said on the page, for its
 * part only: the other services' letters are still listed.
 */
@Controller
@PreAuthorize("hasRole('organizer')")
class OperationsController {

    static final List<String> CHANNELS = List.of("EMAIL", "SMS");
    static final List<String> STATUSES = List.of("PENDING", "SENT", "SUBMITTED", "DELIVERED", "FAILED", "CANCELLED", "NOT_SENT",
            "IN_DOUBT");
    /** Service name on the page → its API prefix; the order of the page. */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();
    static final int PAGE_SIZE = 20;
    private static final When WHEN = new When();
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    static {
        SERVICES.put("registration", "/api/registrations");
        SERVICES.put("competition", "/api/competitions");
        SERVICES.put("incubation", "/api/incubation");
        SERVICES.put("notification", "/api/notifications");
    }

    private final Apis apis;

    OperationsController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/organizer/deliveries")
    String deliveries(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
                      @RequestParam(required = false) String page, Model model) {
        // as typed: a tampered value comes back as the service's 400, said next to its filter
        Map<String, String> filters = new LinkedHashMap<>();
        if (status != null && !status.isBlank()) {
            filters.put("status", status.strip());
        }
        if (channel != null && !channel.isBlank()) {
            filters.put("channel", channel.strip());
        }
        model.addAttribute("when", WHEN);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("filters", filters);
        model.addAttribute("pageLink", Addresses.page("/organizer/deliveries", filters));
        Map<String, String> params = new LinkedHashMap<>(filters);
        if (page != null && !page.isBlank()) {
            params.put("page", page.strip());
        }
        params.put("size", String.valueOf(PAGE_SIZE));
        try {
            Map<String, Object> result = apis.notification().get()
                    .uri(Addresses.service("/api/notifications/admin/deliveries", params)).retrieve().body(OBJECT);
            masked(result);
            model.addAttribute("result", result);
            model.addAttribute("totalPages", totalPages(result));
        } catch (ApiException refused) {
            if (refused.isClientError()) {
                FormErrors.show(model, refused);
            } else {
                model.addAttribute("unavailable", true);
            }
        }
        return "operations/deliveries";
    }

    /**
     * A failed e-mail sent again (the button shows only where the service says it can be). The outcome is said
     * on the log's first page: sent again, or why not (sent meanwhile by another tab, its text not kept).
     */
    @PostMapping("/organizer/deliveries/{id}/send-again")
    String sendAgain(@PathVariable String id) {
        try {
            apis.notification().post().uri("/api/notifications/admin/deliveries/{id}/send-again", id).retrieve()
                    .toBodilessEntity();
            return "redirect:/organizer/deliveries?sentAgain";
        } catch (ApiException refused) {
            return "redirect:/organizer/deliveries?" + switch (refused.status()) {
                case 404 -> "unknown";
                case 409 -> "notSentAgain";
                default -> "failed";
            };
        }
    }

    @GetMapping("/organizer/dead-letters")
    String deadLetters(Model model) {
        model.addAttribute("when", WHEN);
        List<ServiceLetters> services = new ArrayList<>();
        SERVICES.forEach((name, prefix) -> services.add(letters(name, client(name), prefix)));
        model.addAttribute("services", services);
        model.addAttribute("none", services.stream().allMatch(s -> s.available() && s.letters().isEmpty()));
        return "operations/dead-letters";
    }

    @PostMapping("/organizer/dead-letters/{service}/{id}/replay")
    String replay(@PathVariable String service, @PathVariable String id) {
        if (!SERVICES.containsKey(service)) {
            return "redirect:/organizer/dead-letters?unknown";
        }
        try {
            client(service).post().uri(SERVICES.get(service) + "/admin/dead-letters/{id}/replay", id).retrieve()
                    .toBodilessEntity();
            return "redirect:/organizer/dead-letters?replayed#" + service;
        } catch (ApiException refused) {
            // a letter already gone (another organizer, another tab) or a service down: said on the list
            return "redirect:/organizer/dead-letters?" + (refused.status() == 404 ? "unknown" : "failed") + "#" + service;
        }
    }

    /** One service's part of the page: its letters, or that it could not be asked. */
    record ServiceLetters(String name, boolean available, List<Map<String, Object>> letters, long total) {
    }

    @SuppressWarnings("unchecked")
    private static ServiceLetters letters(String name, RestClient client, String prefix) {
        try {
            Map<String, Object> page = client.get().uri(prefix + "/admin/dead-letters?size=50").retrieve().body(OBJECT);
            Object items = page == null ? null : page.get("items");
            Object total = page == null ? null : page.get("total");
            List<Map<String, Object>> letters = items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
            return new ServiceLetters(name, true, letters, total instanceof Number n ? n.longValue() : letters.size());
        } catch (ApiException unavailable) {
            return new ServiceLetters(name, false, List.of(), 0);
        }
    }

    private RestClient client(String service) {
        return switch (service) {
            case "registration" -> apis.registration();
            case "competition" -> apis.competition();
            case "incubation" -> apis.incubation();
            default -> apis.notification();
        };
    }

    /** Each row gets {@code recipient}: its address masked (what the page shows instead of {@code to}). */
    @SuppressWarnings("unchecked")
    static void masked(Map<String, Object> result) {
        if (result != null && result.get("items") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> row) {
                    ((Map<String, Object>) row).put("recipient", mask(row.get("to")));
                }
            }
        }
    }

    static int totalPages(Map<String, Object> result) {
        if (result == null || !(result.get("total") instanceof Number total) || !(result.get("size") instanceof Number size)
                || size.intValue() < 1) {
            return 0;
        }
        return (int) ((total.longValue() + size.intValue() - 1) / size.intValue());
    }

    /**
     * The recipient as an organizer needs it to recognise a person without reading their whole address:
     * {@code a•••@example.org}, {@code +223•••••45}. The service keeps the address; the page does not need it.
     */
    static String mask(Object recipient) {
        if (recipient == null || recipient.toString().isBlank()) {
            return null;
        }
        String to = recipient.toString().strip();
        int at = to.indexOf('@');
        if (at > 0) {
            return to.charAt(0) + "•••" + to.substring(at);
        }
        if (to.length() <= 4) {
            return "•".repeat(to.length());
        }
        int kept = Math.min(4, to.length() - 4);
        return to.substring(0, kept) + "•".repeat(to.length() - kept - 2) + to.substring(to.length() - 2);
    }
}
