package ml.sdn.portal.organizer;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Results night: the preview of an edition's results (final ranking, podiums, Special Prize, what would
 * block publication) and the publish button, which needs a ticked confirmation (no script for a
 * dialog); and the registration statistics with their charts, and the SMS sent by kind and country.
 */
@Controller
@PreAuthorize("hasRole('organizer')")
class OrganizerResultsController {

    static final Set<String> COUNTRIES = Set.of("ML", "BF", "NE");

    private final Apis apis;
    private final MessageSource messages;

    OrganizerResultsController(Apis apis, MessageSource messages) {
        this.apis = apis;
        this.messages = messages;
    }

    @GetMapping("/organizer/editions/{edition}/results")
    String preview(@PathVariable String edition, Model model) {
        return previewPage(edition, model);
    }

    @PostMapping("/organizer/editions/{edition}/results/publish")
    String publish(@PathVariable String edition, @RequestParam(name = "confirm", required = false) String confirm, Model model) {
        if (confirm == null) {
            FormErrors.showField(model, "confirm", messages.getMessage("organizer.results.confirmRequired", null,
                    LocaleContextHolder.getLocale()));
            return previewPage(edition, model);
        }
        try {
            apis.competition().post().uri("/api/competitions/editions/{id}/results/publish", edition)
                    .retrieve().toBodilessEntity();
            return "redirect:/organizer/editions/" + edition + "/results?published";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return previewPage(edition, model);
        }
    }

    @GetMapping("/organizer/stats")
    String stats(@RequestParam(name = "country", required = false) String country, Model model) {
        String scope = country != null && COUNTRIES.contains(country) ? country : null;
        model.addAttribute("country", scope);
        model.addAttribute("stats", Statistics.of(apis.registration().get()
                .uri(scope == null ? "/api/registrations/stats" : "/api/registrations/stats?country=" + scope)
                .retrieve().body(Json.OBJECT)));
        smsFigures(scope, model);
        return "organizer/stats";
    }

    /**
     * notification-service's SMS figures (#21), the rows of the country shown only; a service that does not answer
     * leaves the registration figures on the page and says so for its own part.
     */
    @SuppressWarnings("unchecked")
    private void smsFigures(String scope, Model model) {
        try {
            Map<String, Object> sms = apis.notification().get().uri("/api/notifications/admin/sms").retrieve().body(Json.OBJECT);
            List<Map<String, Object>> counts = sms == null ? List.of()
                    : (List<Map<String, Object>>) sms.getOrDefault("counts", List.of());
            model.addAttribute("sms", sms);
            model.addAttribute("smsRows", counts.stream().filter(row -> scope == null || scope.equals(row.get("country"))).toList());
        } catch (RuntimeException unavailable) {
            model.addAttribute("smsUnavailable", true);
        }
    }

    private String previewPage(String edition, Model model) {
        model.addAttribute("editionId", edition);
        model.addAttribute("edition", apis.competition().get().uri("/api/competitions/editions/{id}", edition)
                .retrieve().body(Json.OBJECT));
        model.addAttribute("preview", apis.competition().get().uri("/api/competitions/editions/{id}/results/preview", edition)
                .retrieve().body(Json.OBJECT));
        return "organizer/results";
    }
}
