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
 * message in French and English to a group (everyone, a delegation, a category's applicants or those of a status,
 * the people checked in on a day, a category's jurors, the incubatees, their coaches), count who it reaches
 * ("Compter"), send it, then read its delivery report; the messages sent, each with its report.
 * notification-service decides everything (the audience, a coordinator's delegation, the limits); the pages pass
 * what was typed as typed, so a tampered field is the service's refusal. Each form carries a token sent as the
 * {@code Idempotency-Key}: a second click, or the form sent again, gives the first message's report. A refused
 * form comes back with a new token (the service keeps its refusal under the old one).
 */
abstract class MessagePages {

    static final List<String> COUNTRIES = List.of("ML", "BF", "NE");
    static final List<String> AUDIENCES = List.of("EVERYONE", "COUNTRY", "APPLICANTS", "CHECKED_IN", "JURORS", "INCUBATEES", "COACHES");
    static final List<String> STATUSES = List.of("SUBMITTED", "PRESELECTED", "NOT_PRESELECTED", "WITHDRAWN");
    static final List<String> FIELDS = List.of("subjectFr", "bodyFr", "subjectEn", "bodyEn");
    private static final When WHEN = new When();
    private static final String API = "/api/notifications/admin/broadcasts";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final Apis apis;
    private final String base;

    MessagePages(Apis apis, String base) {
        this.apis = apis;
        this.base = base;
    }

    /** The form as typed (or empty), for the page to show again. */
    record Form(String audience, String country, String day, String category, String status, String edition, String subjectFr,
                String bodyFr, String subjectEn, String bodyEn, Boolean sms, String token) {

        /** A new form; {@code audience} null for a coordinator (their delegation, which the service knows). */
        static Form empty(String audience) {
            return new Form(audience, null, null, null, null, null, "", "", "", "", false, UUID.randomUUID().toString());
        }

        /** An unticked box sends nothing. */
        boolean bySms() {
            return Boolean.TRUE.equals(sms);
        }

        Form withToken() {
            return token == null || token.isBlank()
                    ? new Form(audience, country, day, category, status, edition, subjectFr, bodyFr, subjectEn, bodyEn, sms,
                    UUID.randomUUID().toString()) : this;
        }

        Form withNewToken() {
            return new Form(audience, country, day, category, status, edition, subjectFr, bodyFr, subjectEn, bodyEn, sms,
                    UUID.randomUUID().toString());
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            putIfTyped(body, "audience", audience);
            putIfTyped(body, "country", country);
            putIfTyped(body, "day", day);
            putIfTyped(body, "category", category);
            putIfTyped(body, "status", status);
            putIfTyped(body, "edition", edition);
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
        Map<String, Object> edition = currentEdition();
        Form shown = form.withToken();
        if ((shown.edition() == null || shown.edition().isBlank()) && edition != null) {
            shown = new Form(shown.audience(), shown.country(), shown.day(), shown.category(), shown.status(),
                    String.valueOf(edition.get("id")), shown.subjectFr(), shown.bodyFr(), shown.subjectEn(), shown.bodyEn(),
                    shown.sms(), shown.token());
        }
        model.addAttribute("form", shown);
        model.addAttribute("countries", COUNTRIES);
        model.addAttribute("audiences", base.startsWith("/organizer") ? AUDIENCES : AUDIENCES.subList(1, AUDIENCES.size()));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("categories", edition == null ? List.of() : categories(edition));
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

    /** The messages sent that the reader may see, newest first, each with its delivery counts. */
    String sent(Model model) {
        List<Map<String, Object>> sent = apis.notification().get().uri(API).retrieve().body(LIST);
        model.addAttribute("sent", sent == null ? List.of() : sent);
        model.addAttribute("when", WHEN);
        model.addAttribute("base", base);
        return "messages/sent";
    }

    /** The current edition (its categories are the ones offered), or null when none is chosen or competition does not answer. */
    private Map<String, Object> currentEdition() {
        try {
            return apis.competition().get().uri("/api/competitions/editions/current").retrieve().body(OBJECT);
        } catch (RuntimeException none) {
            return null;
        }
    }

    private List<Map<String, Object>> categories(Map<String, Object> edition) {
        try {
            List<Map<String, Object>> categories = apis.competition().get()
                    .uri("/api/competitions/editions/{id}/categories", edition.get("id")).retrieve().body(LIST);
            return categories == null ? List.of() : categories;
        } catch (RuntimeException unavailable) {
            return List.of();
        }
    }

    /**
     * The week's days open to registration, to narrow a message to the people holding a place for one or to choose
     * the day of a check-in; none when registration-service does not answer (the other audiences still work).
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
        for (String name : List.of("audience", "country", "day", "category", "status", "edition")) {
            if (typed.get(name) != null) {
                uri.queryParam(name, typed.get(name));
            }
        }
        URI address = uri.encode().build().toUri();
        return apis.notification().get().uri(address.toString()).retrieve().body(OBJECT);
    }
}
