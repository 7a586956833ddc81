package ml.sdn.portal.organizer;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A category's calendar and deadlines ({@code …/categories/{category}/schedule}): its phases moved with a reason,
 * the submission deadline extended for the whole category, and the extensions given so far; and, on an
 * application's page, the deadline extended for that applicant alone. The rules (what may move, how late) are
 * competition-service's; its refusals come back next to the fields.
 */
@Controller
@PreAuthorize("hasRole('organizer')")
class OrganizerScheduleController {

    private final Apis apis;
    private final MessageSource messages;

    OrganizerScheduleController(Apis apis, MessageSource messages) {
        this.apis = apis;
        this.messages = messages;
    }

    @GetMapping("/organizer/editions/{edition}/categories/{category}/schedule")
    String schedule(@PathVariable String edition, @PathVariable String category, Model model) {
        return schedulePage(edition, category, model);
    }

    /** The whole phase list goes back, as the service wants it; a start left as shown keeps its exact time. */
    @PostMapping("/organizer/editions/{edition}/categories/{category}/schedule/phases")
    String reschedule(@PathVariable String edition, @PathVariable String category,
                      @RequestParam Map<String, String> params, Model model) {
        Map<String, Object> current = category(edition, category);
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> portalErrors = new LinkedHashMap<>();
        List<Map<String, Object>> phases = new ArrayList<>();
        for (Map<String, Object> window : phases(current)) {
            String phase = String.valueOf(window.get("phase"));
            String value = params.get("phases[" + phase + "]");
            typed.put(phase, value);
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("phase", phase);
            start.put("start", start(String.valueOf(window.get("start")), value, phase, portalErrors));
            phases.add(start);
        }
        String reason = params.get("reason");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phases", phases);
        body.put("reason", Json.blankToNull(reason));
        try {
            apis.competition().put().uri("/api/competitions/editions/{id}/categories/{category}/phases", edition, category)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
            return "redirect:" + OrganizerCategoryController.base(edition, category) + "/schedule?rescheduled";
        } catch (ApiException refused) {
            FormErrors.show(model, refused, phaseErrors(refused.problem().fieldErrors(), phases, words(portalErrors)));
            reasonOf(model, "rescheduleReason");
            model.addAttribute("typedPhases", typed);
            model.addAttribute("typedRescheduleReason", reason);
            return schedulePage(edition, category, model);
        }
    }

    @PostMapping("/organizer/editions/{edition}/categories/{category}/schedule/extensions")
    String extendCategory(@PathVariable String edition, @PathVariable String category,
                          @RequestParam(name = "until", required = false) String until,
                          @RequestParam(name = "reason", required = false) String reason, Model model) {
        try {
            extend(category, null, until, reason);
            return "redirect:" + OrganizerCategoryController.base(edition, category) + "/schedule?extended";
        } catch (Refused refused) {
            FormErrors.show(model, refused.cause, words(refused.portalErrors));
            reasonOf(model, "extensionReason");
            model.addAttribute("typedUntil", until);
            model.addAttribute("typedExtensionReason", reason);
            return schedulePage(edition, category, model);
        }
    }

    /** One applicant's deadline, from their application's page: the extension is the category's, for them alone. */
    @PostMapping("/organizer/applications/{id}/extension")
    String extendApplicant(@PathVariable String id, @RequestParam(name = "until", required = false) String until,
                           @RequestParam(name = "reason", required = false) String reason, Model model) {
        Map<String, Object> item = apis.competition().get().uri("/api/competitions/applications/{id}", id).retrieve().body(Json.OBJECT);
        try {
            extend(String.valueOf(item.get("categoryId")), String.valueOf(item.get("applicantId")), until, reason);
            return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/organizer/applications/{id}")
                    .queryParam("extended").buildAndExpand(id).encode().toUriString();
        } catch (Refused refused) {
            FormErrors.show(model, refused.cause, words(refused.portalErrors));
            model.addAttribute("item", item);
            model.addAttribute("typedUntil", until);
            model.addAttribute("typedExtensionReason", reason);
            return "organizer/application";
        }
    }

    private void extend(String category, String applicantId, String until, String reason) {
        Map<String, String> portalErrors = new LinkedHashMap<>();
        Map<String, Object> body = new HashMap<>();
        body.put("applicantId", applicantId);
        body.put("until", dateTime(until, "until", portalErrors));
        body.put("reason", Json.blankToNull(reason));
        try {
            apis.competition().post().uri("/api/competitions/categories/{id}/extensions", category)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
        } catch (ApiException refused) {
            if (!refused.isClientError()) {
                throw refused;
            }
            throw new Refused(refused, portalErrors);
        }
    }

    /** A refused extension with what the portal itself could not read. */
    private static final class Refused extends RuntimeException {
        private final transient ApiException cause;
        private final transient Map<String, String> portalErrors;

        Refused(ApiException cause, Map<String, String> portalErrors) {
            super(null, null, false, false);
            this.cause = cause;
            this.portalErrors = portalErrors;
        }
    }

    /**
     * The start to send for a phase: the current one, to the second, when the person left the minute shown
     * (a started phase must keep its start exactly); what they typed otherwise; null, with the portal's message,
     * when it is not a date and time.
     */
    static String start(String current, String typed, String phase, Map<String, String> portalErrors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        LocalDateTime now = parse(current);
        if (now != null && typed.strip().equals(shown(current))) {
            return current;
        }
        return dateTime(typed, "phases." + phase, portalErrors);
    }

    /** A phase's start as the form shows it: to the minute, as {@code datetime-local} takes it. */
    static String shown(String start) {
        LocalDateTime time = parse(start);
        return time == null ? "" : time.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String dateTime(String typed, String field, Map<String, String> portalErrors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        if (parse(typed.strip()) == null) {
            portalErrors.put(field, "organizer.schedule.dateTimeInvalid");
            return null;
        }
        return typed.strip();
    }

    private static LocalDateTime parse(String text) {
        try {
            return text == null ? null : LocalDateTime.parse(text);
        } catch (DateTimeParseException notADateTime) {
            return null;
        }
    }

    /**
     * The service names a missing start {@code phases[i].start} (bean rules) and the others {@code phases.<PHASE>}:
     * both go next to that phase's field. The portal's own messages win for the same field.
     */
    static Map<String, String> phaseErrors(Map<String, String> fieldErrors, List<Map<String, Object>> phases,
                                           Map<String, String> portalErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        fieldErrors.forEach((field, message) -> {
            if (field.matches("phases\\[\\d+](\\..*)?")) {
                int index = Integer.parseInt(field.substring(7, field.indexOf(']')));
                if (index < phases.size()) {
                    errors.putIfAbsent("phases." + phases.get(index).get("phase"), message);
                }
            }
        });
        errors.putAll(portalErrors);
        return errors;
    }

    /** The category page has two reasons: the service's {@code reason} goes next to the one of the form sent. */
    @SuppressWarnings("unchecked")
    static void reasonOf(Model model, String field) {
        if (model.getAttribute("fieldErrors") instanceof Map<?, ?> errors && errors.containsKey("reason")) {
            Map<String, String> renamed = new LinkedHashMap<>((Map<String, String>) errors);
            renamed.put(field, renamed.remove("reason"));
            model.addAttribute("fieldErrors", renamed);
        }
    }

    /** The portal's own messages (keys) in the reader's language. */
    private Map<String, String> words(Map<String, String> keys) {
        Map<String, String> words = new LinkedHashMap<>();
        keys.forEach((field, key) -> words.put(field, messages.getMessage(key, null, key, LocaleContextHolder.getLocale())));
        return words;
    }

    private String schedulePage(String edition, String category, Model model) {
        Map<String, Object> found = category(edition, category);
        model.addAttribute("editionId", edition);
        model.addAttribute("category", found);
        model.addAttribute("base", OrganizerCategoryController.base(edition, category));
        Map<String, String> shown = new LinkedHashMap<>();
        for (Map<String, Object> window : phases(found)) {
            shown.put(String.valueOf(window.get("phase")), shown(String.valueOf(window.get("start"))));
        }
        model.addAttribute("shownPhases", shown);
        model.addAttribute("extensions", apis.competition().get()
                .uri("/api/competitions/categories/{id}/extensions", category).retrieve().body(Json.LIST));
        // who each extension is for, by the applications of the category (the extension holds the person's id)
        Map<String, Object> applications = apis.competition().get()
                .uri("/api/competitions/applications?editionId={edition}&categoryId={id}&size=100", edition, category)
                .retrieve().body(Json.OBJECT);
        Map<String, Object> applicants = new HashMap<>();
        if (applications != null && applications.get("content") instanceof List<?> content) {
            for (Object application : content) {
                if (application instanceof Map<?, ?> row && row.get("applicantId") != null) {
                    applicants.putIfAbsent(String.valueOf(row.get("applicantId")), row);
                }
            }
        }
        model.addAttribute("applicants", applicants);
        return "organizer/schedule";
    }

    private Map<String, Object> category(String edition, String category) {
        return apis.competition().get().uri("/api/competitions/editions/{id}/categories/{category}", edition, category)
                .retrieve().body(Json.OBJECT);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> phases(Map<String, Object> category) {
        return category != null && category.get("phases") instanceof List<?> phases ? (List<Map<String, Object>>) phases : List.of();
    }
}
