package ml.sdn.portal.participant.organization;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.web.CurrentUser;
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
 * {@code /me/organization}: the participant's organisation (create it, see its members), and for its owner
 * the invitations by e-mail (send, see, revoke).
 */
@Controller
@RequestMapping("/me/organization")
@PreAuthorize("hasRole('participant')")
class OrganizationController {

    static final String API = "/api/registrations/organizations";

    private final Apis apis;

    OrganizationController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping
    String show(Model model) {
        return page(new HashMap<>(), new HashMap<>(), null, model);
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, Model model) {
        Map<String, Object> creator = new LinkedHashMap<>();
        creator.put("role", text(form, "creatorRole"));
        creator.put("gender", text(form, "creatorGender"));
        creator.put("lead", true); // the creator leads: members who join later by invitation do not
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", text(form, "type"));
        body.put("name", text(form, "name"));
        body.put("country", delegation());
        body.put("sector", text(form, "sector"));
        body.put("foundingYear", year(form.get("foundingYear")));
        body.put("registrationNumber", text(form, "registrationNumber"));
        body.put("description", text(form, "description"));
        body.put("creator", creator);
        body.put("members", List.of());
        try {
            apis.registration().post().uri(API).body(body).retrieve().toBodilessEntity();
            return "redirect:/me/organization?created";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return page(form, new HashMap<>(), null, model);
        }
    }

    /**
     * The caller's delegation: their registration profile's country, never the account attribute they can edit
     * (the token's only when there is no profile yet, which the service refuses anyway).
     */
    private String delegation() {
        try {
            Object country = apis.registration().get().uri("/api/registrations/participants/me").retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Object>>() { }).get("country");
            return country == null ? CurrentUser.required().country() : country.toString();
        } catch (ApiException noProfile) {
            if (noProfile.status() != 404) {
                throw noProfile;
            }
            return CurrentUser.required().country();
        }
    }

    @PostMapping("/{id}/invitations")
    String invite(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", text(form, "email"));
        body.put("role", text(form, "role"));
        body.put("gender", text(form, "gender"));
        try {
            apis.registration().post().uri(API + "/{id}/invitations", id).body(body).retrieve().toBodilessEntity();
            return "redirect:/me/organization?invited";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return page(new HashMap<>(), form, id, model);
        }
    }

    @PostMapping("/{id}/invitations/{invitationId}/revoke")
    String revoke(@PathVariable String id, @PathVariable String invitationId) {
        apis.registration().delete().uri(API + "/{id}/invitations/{invitationId}", id, invitationId).retrieve().toBodilessEntity();
        return "redirect:/me/organization?revoked";
    }

    private String page(Map<String, String> form, Map<String, String> invite, String invitingTo, Model model) {
        List<MyOrganization> mine = apis.registration().get().uri(API + "/mine").retrieve()
                .body(new ParameterizedTypeReference<List<MyOrganization>>() { });
        Map<String, List<Invitation>> invitations = new HashMap<>();
        mine.stream().filter(MyOrganization::ownedByYou).forEach(o -> invitations.put(o.id(), apis.registration().get()
                .uri(API + "/{id}/invitations", o.id()).retrieve().body(new ParameterizedTypeReference<List<Invitation>>() { })));
        model.addAttribute("organizations", mine);
        model.addAttribute("invitations", invitations);
        model.addAttribute("form", form);
        model.addAttribute("invite", invite);
        model.addAttribute("invitingTo", invitingTo);
        List<Sector> sectors = apis.registration().get().uri(API + "/sectors").retrieve()
                .body(new ParameterizedTypeReference<List<Sector>>() { });
        model.addAttribute("sectors", sectors);
        Map<String, String> labels = new HashMap<>();
        sectors.forEach(sector -> labels.put(sector.code(), sector.label()));
        model.addAttribute("sectorLabels", labels);
        return "participant/organization";
    }

    /** A year typed as text; anything else goes to the service as typed, which names the field. */
    private static Object year(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            return typed.strip();
        }
    }

    record Sector(String code, String label) {
    }
}
