package ml.sdn.portal.sms;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /organizer/sms-budget}: the SMS limits (the edition's budget and the daily cap, in segments; 0 for none),
 * what was spent, and the form that changes them. Each field is read here first, so that a word where a number
 * belongs is named next to its field together with what the service says of the other.
 */
@Controller
@PreAuthorize("hasRole('organizer')")
class SmsBudgetController {

    static final String API = "/api/notifications/admin/sms";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private final Apis apis;
    private final MessageSource messages;

    SmsBudgetController(Apis apis, MessageSource messages) {
        this.apis = apis;
        this.messages = messages;
    }

    @GetMapping("/organizer/sms-budget")
    String page(Model model) {
        Map<String, Object> figures = figures();
        model.addAttribute("form", Map.of("editionSegments", String.valueOf(figures.get("editionSegments")),
                "dailySegments", String.valueOf(figures.get("dailySegments"))));
        return show(model, figures);
    }

    @PostMapping("/organizer/sms-budget")
    String change(@RequestParam(required = false) String editionSegments,
                  @RequestParam(required = false) String dailySegments, Model model) {
        Map<String, String> portalErrors = new LinkedHashMap<>();
        Map<String, Object> body = new HashMap<>();
        body.put("editionSegments", segments("editionSegments", editionSegments, portalErrors));
        body.put("dailySegments", segments("dailySegments", dailySegments, portalErrors));
        try {
            apis.notification().put().uri(API + "/budget").body(body).retrieve().toBodilessEntity();
            return "redirect:/organizer/sms-budget?saved";
        } catch (ApiException refused) {
            FormErrors.show(model, refused, portalErrors);
            Map<String, String> form = new HashMap<>();
            form.put("editionSegments", editionSegments == null ? "" : editionSegments);
            form.put("dailySegments", dailySegments == null ? "" : dailySegments);
            model.addAttribute("form", form);
            return show(model, figures());
        }
    }

    /** A whole number as typed ("20 000" and "20000" alike); null (the service then names the field) otherwise. */
    private Long segments(String field, String typed, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String digits = typed.replaceAll("[\\s\\u00a0\\u202f.,]", "");
        if (!digits.matches("-?\\d{1,9}")) { // a negative number goes on: the service names the range
            errors.put(field, messages.getMessage("sms.budget.notANumber", null, LocaleContextHolder.getLocale()));
            return null;
        }
        return Long.parseLong(digits);
    }

    private String show(Model model, Map<String, Object> figures) {
        model.addAttribute("sms", figures);
        return "sms/budget";
    }

    private Map<String, Object> figures() {
        return apis.notification().get().uri(API).retrieve().body(OBJECT);
    }
}
