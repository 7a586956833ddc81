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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /organizer/editions}: every edition (number, year, dates, whether it is the current one or
 * archived), choosing the current edition (the one the public home page and "Nouvelle candidature" show),
 * changing an edition and archiving one. competition-service holds every rule (an archived edition cannot be
 * current, the current one cannot be archived, the fields of an edition); the pages show its words.
 */
@Controller
@PreAuthorize("hasRole('organizer')")
@RequestMapping("/organizer/editions")
class OrganizerEditionsController {

    private static final String API = "/api/competitions/editions";

    private final Apis apis;

    OrganizerEditionsController(Apis apis) {
        this.apis = apis;
    }

    /** The list; with {@code id} (the "open by id" form of the desk), that edition's page. */
    @GetMapping
    String list(@RequestParam(name = "id", required = false) String id, Model model) {
        if (id != null && !id.isBlank()) {
            return "redirect:/organizer/editions/" + UriUtils.encodePathSegment(id.strip(), StandardCharsets.UTF_8);
        }
        return listPage(model);
    }

    @PostMapping("/current")
    String choose(@RequestParam(name = "editionId", required = false) String editionId, Model model) {
        try {
            apis.competition().put().uri(API + "/current").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("editionId", editionId == null ? "" : editionId)).retrieve().toBodilessEntity();
            return "redirect:/organizer/editions?current";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return listPage(model);
        }
    }

    @PostMapping("/{id}/archive")
    String archive(@PathVariable String id, Model model) {
        try {
            apis.competition().post().uri(API + "/{id}/archive", id).retrieve().toBodilessEntity();
            return "redirect:/organizer/editions?archived";
        } catch (ApiException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            FormErrors.show(model, refused);
            return listPage(model);
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        Map<String, Object> edition = read(id);
        model.addAttribute("editionForm", EditionForm.of(edition));
        return editPage(edition, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute("editionForm") EditionForm form, Model model) {
        try {
            apis.competition().put().uri(API + "/{id}", id).contentType(MediaType.APPLICATION_JSON)
                    .body(form.request()).retrieve().toBodilessEntity();
            return "redirect:/organizer/editions/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + "?changed";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return editPage(read(id), model);
        }
    }

    private Map<String, Object> read(String id) {
        return apis.competition().get().uri(API + "/{id}", id).retrieve().body(Json.OBJECT);
    }

    private String editPage(Map<String, Object> edition, Model model) {
        model.addAttribute("edition", edition);
        return "organizer/edition-edit";
    }

    private String listPage(Model model) {
        model.addAttribute("editions", apis.competition().get().uri(API).retrieve().body(Json.LIST));
        return "organizer/editions";
    }
}
