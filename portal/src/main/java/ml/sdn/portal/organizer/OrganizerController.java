package ml.sdn.portal.organizer;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The organizers' desk: {@code /organizer} (the current edition, the way to the edition list, creating
 * an edition) and an edition's page (its categories, and the form that adds one: criteria weighted to
 * 100, preselection count, phases on Bamako's clock, jury settings). The service checks every rule and
 * names the field; the page shows its message next to that field.
 */
@Controller
@PreAuthorize("hasRole('organizer')")
@RequestMapping("/organizer")
class OrganizerController {

    private final Apis apis;

    OrganizerController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("editionForm", EditionForm.blank());
        return overviewPage(model);
    }

    @PostMapping("/editions")
    String createEdition(@ModelAttribute("editionForm") EditionForm form, Model model) {
        try {
            Map<String, Object> created = apis.competition().post().uri("/api/competitions/editions")
                    .contentType(MediaType.APPLICATION_JSON).body(form.request()).retrieve().body(Json.OBJECT);
            return "redirect:/organizer/editions/" + created.get("id") + "?created";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return overviewPage(model);
        }
    }

    @GetMapping("/editions/{id}")
    String edition(@PathVariable String id, Model model) {
        model.addAttribute("categoryForm", CategoryForm.blank());
        return editionPage(id, model);
    }

    @PostMapping("/editions/{id}/categories")
    String createCategory(@PathVariable String id, @ModelAttribute("categoryForm") CategoryForm form, Model model) {
        try {
            apis.competition().post().uri("/api/competitions/editions/{id}/categories", id)
                    .contentType(MediaType.APPLICATION_JSON).body(form.request()).retrieve().toBodilessEntity();
            return "redirect:/organizer/editions/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + "?saved";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            form.fillRows();
            return editionPage(id, model);
        }
    }

    /** What the public home page tells about the edition; the service names every field at fault. */
    @PostMapping("/editions/{id}/home")
    String saveHome(@PathVariable String id, @ModelAttribute("homeForm") HomeForm form, Model model) {
        try {
            apis.competition().put().uri("/api/competitions/editions/{id}/home", id)
                    .contentType(MediaType.APPLICATION_JSON).body(form.request()).retrieve().toBodilessEntity();
            return "redirect:/organizer/editions/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + "?home#home-content";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            // the page has two forms: this refusal is said above the home-page form, not the category form
            model.addAttribute("homeProblem", model.getAttribute("problem"));
            model.asMap().remove("problem");
            form.fillRows();
            model.addAttribute("categoryForm", CategoryForm.blank());
            return editionPage(id, model);
        }
    }

    private String overviewPage(Model model) {
        try {
            model.addAttribute("current", apis.competition().get().uri("/api/competitions/editions/current")
                    .retrieve().body(Json.OBJECT));
        } catch (ApiException refused) {
            if (refused.status() != 404) {
                throw refused;
            }
        }
        return "organizer/overview";
    }

    private String editionPage(String id, Model model) {
        Map<String, Object> edition = apis.competition().get().uri("/api/competitions/editions/{id}", id)
                .retrieve().body(Json.OBJECT);
        model.addAttribute("edition", edition);
        if (!model.containsAttribute("homeForm")) {
            model.addAttribute("homeForm", HomeForm.of(edition == null ? null : edition.get("home")));
        }
        model.addAttribute("categories", apis.competition().get().uri("/api/competitions/editions/{id}/categories", id)
                .retrieve().body(Json.LIST));
        model.addAttribute("phases", CategoryForm.PHASES);
        return "organizer/edition";
    }
}
