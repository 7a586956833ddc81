package ml.sdn.portal.participant.incubation;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ml.sdn.portal.participant.FormFields.text;

/**
 * {@code /me/incubation}: for an enrolled participant, the progress, the milestones (submit one with a link
 * to its evidence) and the coaching sessions (confirm attendance); otherwise a word on how enrolment works.
 */
@Controller
@RequestMapping("/me/incubation")
@PreAuthorize("hasRole('participant')")
class IncubationController {

    static final String API = "/api/incubation";

    private final Apis apis;

    IncubationController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping
    String show(Model model) {
        return page(null, Map.of(), model);
    }

    @PostMapping("/milestones/{id}/start")
    String start(@PathVariable String id, Model model) {
        try {
            apis.incubation().post().uri(API + "/milestones/{id}/start", id).retrieve().toBodilessEntity();
            return "redirect:/me/incubation?started";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return page(id, Map.of(), model);
        }
    }

    @PostMapping("/milestones/{id}/submit")
    String submit(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evidenceUrl", text(form, "evidenceUrl"));
        body.put("comment", text(form, "comment"));
        try {
            apis.incubation().post().uri(API + "/milestones/{id}/submit", id).body(body).retrieve().toBodilessEntity();
            return "redirect:/me/incubation?submitted";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return page(id, form, model);
        }
    }

    @PostMapping("/sessions/{id}/attendance")
    String confirm(@PathVariable String id, Model model) {
        try {
            apis.incubation().post().uri(API + "/sessions/{id}/attendance", id).retrieve().toBodilessEntity();
            return "redirect:/me/incubation?confirmed";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return page(null, Map.of(), model);
        }
    }

    /** {@code editing}: the milestone whose form came back with errors (only its fields show them). */
    private String page(String editing, Map<String, String> form, Model model) {
        List<Incubation.Incubatee> mine = apis.incubation().get().uri(API + "/incubatees?size=5").retrieve()
                .body(Incubation.Page.class).content();
        Map<String, List<Incubation.Milestone>> milestones = new HashMap<>();
        Map<String, List<Incubation.Session>> sessions = new HashMap<>();
        for (Incubation.Incubatee incubatee : mine) {
            milestones.put(incubatee.id(), apis.incubation().get().uri(API + "/incubatees/{id}/milestones", incubatee.id())
                    .retrieve().body(new ParameterizedTypeReference<List<Incubation.Milestone>>() { }));
            sessions.put(incubatee.id(), apis.incubation().get().uri(API + "/incubatees/{id}/sessions?size=50", incubatee.id())
                    .retrieve().body(Incubation.Sessions.class).content());
        }
        model.addAttribute("incubatees", mine);
        model.addAttribute("milestones", milestones);
        model.addAttribute("sessions", sessions);
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        return "participant/incubation";
    }
}
