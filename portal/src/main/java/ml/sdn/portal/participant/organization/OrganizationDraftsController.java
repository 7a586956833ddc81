package ml.sdn.portal.participant.organization;

import ml.sdn.portal.api.ServiceApis.Apis;
import ml.sdn.portal.home.PublicEdition;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Instant;
import java.util.List;

/**
 * {@code /me/organization/drafts}: for the owner of an organisation, the drafts its members hold (each takes the
 * organisation's one place in its category), to take over or delete. The service decides who may: anyone but the
 * owner finds an empty list, and a 404 for a draft's forms.
 */
@Controller
@RequestMapping("/me/organization/drafts")
@PreAuthorize("hasRole('participant')")
class OrganizationDraftsController {

    static final String API = "/api/competitions/applications/organization-drafts";

    private final Apis apis;

    OrganizationDraftsController(Apis apis) {
        this.apis = apis;
    }

    /** A member's draft as the owner sees it. */
    record MemberDraft(String id, String organizationId, String organizationName, String categoryCode,
                       PublicEdition.Text categoryName, String title, String holderName, boolean hasAttachment,
                       Instant updatedAt) {
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("drafts", apis.competition().get().uri(API).retrieve()
                .body(new ParameterizedTypeReference<List<MemberDraft>>() { }));
        return "participant/organization-drafts";
    }

    @PostMapping("/{id}/take-over")
    String takeOver(@PathVariable String id) {
        apis.competition().post().uri(API + "/{id}/take-over", id).retrieve().toBodilessEntity();
        return "redirect:/me/applications/" + id + "?takenOver";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id) {
        apis.competition().delete().uri(API + "/{id}", id).retrieve().toBodilessEntity();
        return "redirect:/me/organization/drafts?deleted";
    }
}
