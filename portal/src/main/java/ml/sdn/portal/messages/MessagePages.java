package ml.sdn.portal.messages;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.organizer.When;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Messages to groups, the pages behind {@code /organizer/messages} and {@code /coordinator/messages}: write the
 * message in French and English, count who it reaches ("Compter"), send it, then read its delivery report.
 * notification-service decides everything (the audience, a coordinator's delegation, the limits); the pages pass
 * what was typed as typed, so a tampered field is the service's refusal. Each form carries a token sent as the
 * {@code Idempotency-Key}: a second click, or the form sent again, gives the first message's report. A refused
 * form comes back with a new token (the service keeps its refusal under the old one).
 */
abstract class MessagePages {

    static final List<String> COUNTRIES = List.of("ML", "BF", "NE");
    static final List<String> FIELDS = List.of("subjectFr", "bodyFr", "subjectEn", "bodyEn");
    private static final When WHEN = new When();
    private static final String API = "/api/notifications/admin/broadcasts";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private final Apis apis;
    private final String base;

    MessagePages(Apis apis, String base) {
        this.apis = apis;
        this.base = base;
    }

    /** The form as typed (or empty), for the page to show again. */
    record Form(String audience, String country, String day, String subjectFr, String bodyFr, String subjectEn, String bodyEn,
                Boolean sms, String token) {

        /** A new form; {@code audience} null for a coordinator (their delegation, which the service knows). */
        static Form empty(String audience) {
            return new Form(audience, null, null, "", "", "", "", false, UUID.randomUUID().toString());
        }

        /** An unticked box sends nothing. */
        boolean bySms() {
            return Boolean.TRUE.equals(sms);
        }

        Form withToken() {
            return token == null || token.isBlank()
                    ? new Form(audience, country, day, subjectFr, bodyFr, subjectEn, bodyEn, sms, UUID.randomUUID().toString()) : this;
        }

        Form withNewToken() {
            return new Form(audience, country, day, subjectFr, bodyFr, subjectEn, bodyEn, sms, UUID.randomUUID().toString());
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            putIfTyped(body, "audience", audience);
            putIfTyped(body, "country", country);
            putIfTyped(body, "day", day);
            body.put("subjectFr", subjectFr);
            body.put("bodyFr", bodyFr);
            body.put("subjectEn", subjectEn);
            body.put("bodyEn", bodyEn);
            body.put("sms", bySms());
            return body;
        }

        private static void putIfTyped(Map<String, Object> body, String name, String value) {
            if (value != null && !value.isBlank()) {
                body.put(name, value.strip());
            }
        }
    }

    String compose(Form form, Model model) {
        model.addAttribute("form", form.withToken());
        model.addAttribute("countries", COUNTRIES);
        model.addAttribute("days", days());
        model.addAttribute("base", base);
        return "messages/compose";
    }

    /** The page again, with how many people the chosen audience reaches now (or why it cannot be counted). */
    String preview(Form form, Model model) {
        try {
            model.addAttribute("count", count(form));
        } catch (ApiException refused) {
            if (refused.status() == 403) {
                throw refused;
            }
            FormErrors.show(model, refused);
        }
        return compose(form, model);
    }

    String send(Form form, Model model) {
        Form sent = form.withToken();
        try {
            Map<String, Object> report = apis.notification().post().uri(API).contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", sent.token()).body(sent.body()).retrieve().body(OBJECT);
            return "redirect:" + base + "/" + report.get("id") + "?sent";
        } catch (ApiException refused) {
            if (refused.status() == 403) {
                throw refused; // people outside the sender's reach: the not-allowed page, not a form to correct
            }
            // the service keeps its refusal under this token: the corrected form is another request, with a new one
            FormErrors.show(model, refused);
            return compose(sent.withNewToken(), model);
        }
    }

    String report(String id, Model model) {
        Map<String, Object> report = apis.notification().get().uri(API + "/{id}", id).retrieve().body(OBJECT);
        model.addAttribute("report", report);
        model.addAttribute("when", WHEN);
        model.addAttribute("base", base);
        return "messages/report";
    }

    /**
     * The week's days open to registration, to narrow a message to the people holding a place for one; none when
     * registration-service does not answer (the form still writes to everyone or to a delegation).
     */
    private List<String> days() {
        try {
            List<Map<String, Object>> days = apis.registration().get().uri("/api/registrations/attendance/days").retrieve()
                    .body(new ParameterizedTypeReference<List<Map<String, Object>>>() { });
            return days == null ? List.of() : days.stream().map(day -> String.valueOf(day.get("day"))).toList();
        } catch (RuntimeException unavailable) {
            return List.of();
        }
    }

    private Map<String, Object> count(Form form) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(API + "/audience");
        Map<String, Object> typed = form.body();
        for (String name : List.of("audience", "country", "day")) {
            if (typed.get(name) != null) {
                uri.queryParam(name, typed.get(name));
            }
        }
        URI address = uri.encode().build().toUri();
        return apis.notification().get().uri(address.toString()).retrieve().body(OBJECT);
    }
}
