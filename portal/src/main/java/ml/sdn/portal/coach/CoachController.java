package ml.sdn.portal.coach;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A coach's pages: the dashboard of their incubatees (at risk first, with a progress chart), and one
 * incubatee's milestones to review, sessions, session log form and indicators. incubation-service decides
 * who sees what (another coach's incubatee is a 404, hence the not-found page) and checks every form.
 */
@Controller
@PreAuthorize("hasRole('coach')")
class CoachController {

    private static final String API = "/api/incubation";

    private final Apis apis;

    CoachController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping("/coach")
    String dashboard(Model model) {
        Coaching.Dashboard dashboard = apis.incubation().get().uri(API + "/dashboard").retrieve().body(Coaching.Dashboard.class);
        List<Coaching.Dashboard.Entry> entries = dashboard == null || dashboard.incubatees() == null ? List.of() : dashboard.incubatees();
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("entries", entries);
        model.addAttribute("chart", ProgressChart.of(entries.stream()
                .map(e -> new ProgressChart.Item(e.title(), e.progress() == null ? 0 : e.progress().percent())).toList()));
        return "coach/dashboard";
    }

    @GetMapping("/coach/incubatees/{id}")
    String incubatee(@PathVariable String id, Model model) {
        model.addAttribute("sessionForm", SessionForm.blank(LocalDateTime.now(Coaching.BAMAKO)));
        return page(id, model);
    }

    @PostMapping("/coach/incubatees/{id}/sessions")
    String logSession(@PathVariable String id, @ModelAttribute("sessionForm") SessionForm session, Model model) {
        try {
            apis.incubation().post().uri(API + "/incubatees/{id}/sessions", id).contentType(MediaType.APPLICATION_JSON)
                    .body(session.body()).retrieve().toBodilessEntity();
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            model.addAttribute("fieldErrors", SessionForm.formFields(refused.problem().fieldErrors()));
            return page(id, model);
        }
        return "redirect:/coach/incubatees/" + id + "?logged#sessions";
    }

    @PostMapping("/coach/incubatees/{id}/milestones/{milestone}/validate")
    String validate(@PathVariable String id, @PathVariable String milestone,
                    @RequestParam(defaultValue = "") String comment, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("comment", comment.isBlank() ? null : comment.strip());
        return milestoneStep(id, milestone, "validate", body, "validated", model);
    }

    @PostMapping("/coach/incubatees/{id}/milestones/{milestone}/send-back")
    String sendBack(@PathVariable String id, @PathVariable String milestone,
                    @RequestParam(defaultValue = "") String feedback, Model model) {
        return milestoneStep(id, milestone, "reject", Map.of("feedback", feedback), "sentBack", model);
    }

    private String milestoneStep(String id, String milestone, String step, Map<String, Object> body, String done, Model model) {
        try {
            apis.incubation().post().uri(API + "/milestones/{milestone}/" + step, milestone)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            // the milestone forms share one page: each message goes next to its own milestone's field
            Map<String, String> fields = new LinkedHashMap<>();
            refused.problem().fieldErrors().forEach((field, message) -> fields.put(field + "-" + milestone, message));
            model.addAttribute("fieldErrors", fields);
            model.addAttribute("typed", body);
            model.addAttribute("typedFor", milestone);
            model.addAttribute("sessionForm", SessionForm.blank(LocalDateTime.now(Coaching.BAMAKO)));
            return page(id, model);
        }
        return "redirect:/coach/incubatees/" + id + "?" + done + "#milestones";
    }

    private String page(String id, Model model) {
        Coaching.Incubatee incubatee = apis.incubation().get().uri(API + "/incubatees/{id}", id)
                .retrieve().body(Coaching.Incubatee.class);
        List<Coaching.Milestone> milestones = apis.incubation().get().uri(API + "/incubatees/{id}/milestones", id)
                .retrieve().body(new org.springframework.core.ParameterizedTypeReference<List<Coaching.Milestone>>() { });
        Coaching.Sessions sessions = apis.incubation().get().uri(API + "/incubatees/{id}/sessions?size=50", id)
                .retrieve().body(Coaching.Sessions.class);
        model.addAttribute("incubatee", incubatee);
        model.addAttribute("milestones", milestones == null ? List.of() : milestones);
        model.addAttribute("sessions", sessions == null || sessions.content() == null ? List.of() : sessions.content());
        model.addAttribute("kpis", KpiCharts.of(kpis(id)));
        return "coach/incubatee";
    }

    /** The indicators are a bonus on the page: if they cannot be read now, the rest of the page still shows. */
    private Coaching.KpiSeries kpis(String id) {
        try {
            return apis.incubation().get().uri(API + "/incubatees/{id}/kpis", id).retrieve().body(Coaching.KpiSeries.class);
        } catch (ApiException unavailable) {
            if (unavailable.status() == 404) {
                throw unavailable;
            }
            return null;
        }
    }
}
