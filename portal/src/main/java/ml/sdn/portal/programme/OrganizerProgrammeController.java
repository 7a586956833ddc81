package ml.sdn.portal.programme;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /organizer/programme}: the sessions of the week (list), a new one, and changing one. A new time or
 * room is announced to the people registered by registration-service and notification-service, not here.
 */
@Controller
@RequestMapping("/organizer/programme")
@PreAuthorize("hasRole('organizer')")
class OrganizerProgrammeController {

    static final List<String> KINDS = List.of("OPENING", "PANEL", "PITCH", "WORKSHOP", "AWARD_CEREMONY");

    private final Apis apis;
    private final MessageSource messages;

    OrganizerProgrammeController(Apis apis, MessageSource messages) {
        this.apis = apis;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        List<ProgrammeSessions.Session> sessions = apis.registration().get().uri(ProgrammeController.API + "/sessions")
                .retrieve().body(new ParameterizedTypeReference<List<ProgrammeSessions.Session>>() { });
        ProgrammeSessions words = new ProgrammeSessions(messages, LocaleContextHolder.getLocale());
        model.addAttribute("lines", sessions.stream().map(s -> words.line(s, null)).toList());
        return "programme/organizer-list";
    }

    @GetMapping("/new")
    String blank(Model model) {
        return form(model, SessionForm.blank(), null);
    }

    @PostMapping
    String create(@ModelAttribute("sessionForm") SessionForm form, Model model) {
        SessionForm.Request request = form.request();
        try {
            apis.registration().post().uri(ProgrammeController.API + "/sessions").contentType(MediaType.APPLICATION_JSON)
                    .body(request.body()).retrieve().toBodilessEntity();
            // a fault the portal found always makes the service refuse too (a missing time, a capacity of 0)
            return "redirect:/organizer/programme?created";
        } catch (ApiException refused) {
            FormErrors.show(model, refused, portalErrors(request));
            form.padSpeakers();
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        ProgrammeController.requireSessionId(id);
        ProgrammeSessions.Session session = apis.registration().get().uri(ProgrammeController.API + "/sessions/{id}", id)
                .retrieve().body(ProgrammeSessions.Session.class);
        return form(model, SessionForm.of(session), session);
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute("sessionForm") SessionForm form, Model model) {
        ProgrammeController.requireSessionId(id);
        SessionForm.Request request = form.request();
        try {
            apis.registration().put().uri(ProgrammeController.API + "/sessions/{id}", id).contentType(MediaType.APPLICATION_JSON)
                    .body(request.body()).retrieve().toBodilessEntity();
            return "redirect:/organizer/programme?saved";
        } catch (ApiException refused) {
            FormErrors.show(model, refused, portalErrors(request));
            form.padSpeakers();
            ProgrammeSessions.Session session = apis.registration().get().uri(ProgrammeController.API + "/sessions/{id}", id)
                    .retrieve().body(ProgrammeSessions.Session.class);
            return form(model, form, session);
        }
    }

    private Map<String, String> portalErrors(SessionForm.Request request) {
        Map<String, String> errors = new LinkedHashMap<>();
        request.portalFaults().forEach((field, key) -> errors.put(field,
                messages.getMessage(key, null, LocaleContextHolder.getLocale())));
        return errors;
    }

    /** {@code session} null: a new session. */
    private String form(Model model, SessionForm form, ProgrammeSessions.Session session) {
        List<LocalDate> days = apis.registration().get().uri(ProgrammeController.API + "/days").retrieve()
                .body(new ParameterizedTypeReference<List<LocalDate>>() { });
        DateTimeFormatter dayWords = DateTimeFormatter.ofPattern(
                messages.getMessage("programme.format.day", null, LocaleContextHolder.getLocale()), LocaleContextHolder.getLocale());
        Map<String, String> dayOptions = new LinkedHashMap<>();
        days.forEach(day -> dayOptions.put(day.toString(), dayWords.format(day)));
        Map<String, String> kindOptions = new LinkedHashMap<>();
        ProgrammeSessions words = new ProgrammeSessions(messages, LocaleContextHolder.getLocale());
        KINDS.forEach(kind -> kindOptions.put(kind, words.kind(kind)));
        model.addAttribute("sessionForm", form);
        model.addAttribute("dayOptions", dayOptions);
        model.addAttribute("kindOptions", kindOptions);
        model.addAttribute("edited", session); // not "session": Thymeleaf keeps that name for the HTTP session
        return "programme/organizer-form";
    }
}
