package ml.sdn.portal.organizer;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delegations, for organizers: find a person by name ({@code /organizer/delegations}), then see their
 * delegation and its history and move them to another one with a reason
 * ({@code /organizer/delegations/{id}}). Registration-service checks the rules and names each wrong field;
 * the page shows every message next to its field, and works without JavaScript.
 */
@Controller
@PreAuthorize("hasRole('organizer')")
@RequestMapping("/organizer/delegations")
class OrganizerDelegationController {

    static final List<String> COUNTRIES = List.of("ML", "BF", "NE");

    private final Apis apis;

    OrganizerDelegationController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping
    String search(@RequestParam(name = "q", required = false) String q, Model model) {
        String name = q == null ? "" : q.strip();
        model.addAttribute("q", name);
        if (!name.isEmpty()) {
            Map<String, Object> page = apis.registration().get()
                    .uri("/api/registrations/participants?q={q}&size=50", name).retrieve().body(Json.OBJECT);
            model.addAttribute("people", page.get("content"));
        }
        return "organizer/delegations";
    }

    @GetMapping("/{id}")
    String person(@PathVariable String id, Model model) {
        model.addAttribute("country", "");
        model.addAttribute("reason", "");
        return personPage(id, model);
    }

    @PostMapping("/{id}")
    String move(@PathVariable String id, @RequestParam(name = "country", required = false) String country,
                @RequestParam(name = "reason", required = false) String reason, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", Json.blankToNull(country));
        body.put("reason", Json.blankToNull(reason));
        try {
            apis.registration().put().uri("/api/registrations/participants/{id}/delegation", id)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
            return "redirect:/organizer/delegations/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + "?moved";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            model.addAttribute("country", country == null ? "" : country);
            model.addAttribute("reason", reason == null ? "" : reason);
            return personPage(id, model);
        }
    }

    private String personPage(String id, Model model) {
        model.addAttribute("person", apis.registration().get().uri("/api/registrations/participants/{id}/delegation", id)
                .retrieve().body(Json.OBJECT));
        model.addAttribute("countries", COUNTRIES);
        return "organizer/delegation";
    }
}
