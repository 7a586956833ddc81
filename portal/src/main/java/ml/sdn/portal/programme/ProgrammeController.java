package ml.sdn.portal.programme;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.web.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /programme} (public: by day and room, phone first, printable) and {@code /me/agenda} (the signed-in
 * person's sessions, with their place or their rank on the waiting list). Adding and leaving are forms
 * under {@code /me/agenda}, so that they need a signed-in person like every other {@code /me} page.
 */
@Controller
class ProgrammeController {

    static final String API = "/api/registrations/programme";
    /** Session ids are the service's ids; anything else is not sent on. */
    static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Apis apis;
    private final MessageSource messages;

    ProgrammeController(Apis apis, MessageSource messages) {
        this.apis = apis;
        this.messages = messages;
    }

    @GetMapping("/programme")
    String programme(Model model) {
        List<ProgrammeSessions.Session> sessions = apis.registration().get().uri(API + "/sessions").retrieve()
                .body(new ParameterizedTypeReference<List<ProgrammeSessions.Session>>() { });
        List<ProgrammeSessions.Mine> mine = CurrentUser.current().isPresent() ? mine(model) : List.of();
        model.addAttribute("days", words().byDayAndRoom(sessions, mine));
        return "programme/programme";
    }

    @GetMapping("/me/agenda")
    @PreAuthorize("isAuthenticated()")
    String agenda(Model model) {
        model.addAttribute("lines", words().agenda(mine(model)));
        return "programme/agenda";
    }

    @PostMapping("/me/agenda/{id}/add")
    @PreAuthorize("isAuthenticated()")
    String add(@PathVariable String id, Model model) {
        requireSessionId(id);
        try {
            apis.registration().post().uri(API + "/sessions/{id}/agenda", id).retrieve().toBodilessEntity();
            return "redirect:/me/agenda?added";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return agenda(model);
        }
    }

    @PostMapping("/me/agenda/{id}/leave")
    @PreAuthorize("isAuthenticated()")
    String leave(@PathVariable String id, Model model) {
        requireSessionId(id);
        try {
            apis.registration().delete().uri(API + "/sessions/{id}/agenda/me", id).retrieve().toBodilessEntity();
            return "redirect:/me/agenda?left";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return agenda(model);
        }
    }

    /** My agenda; without a participant profile the service says why (shown on the page) and the agenda is empty. */
    private List<ProgrammeSessions.Mine> mine(Model model) {
        try {
            return apis.registration().get().uri(API + "/me/agenda").retrieve()
                    .body(new ParameterizedTypeReference<List<ProgrammeSessions.Mine>>() { });
        } catch (ApiException refused) {
            if (!refused.isClientError()) {
                throw refused;
            }
            model.addAttribute("noProfile", true);
            return List.of();
        }
    }

    private ProgrammeSessions words() {
        return new ProgrammeSessions(messages, LocaleContextHolder.getLocale());
    }

    static void requireSessionId(String id) {
        if (!SESSION_ID.matcher(id).matches()) {
            throw new ApiException(new ml.sdn.portal.api.ApiProblem(404, null, null, List.of()));
        }
    }
}
