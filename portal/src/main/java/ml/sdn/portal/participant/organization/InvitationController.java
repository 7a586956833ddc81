package ml.sdn.portal.participant.organization;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * {@code /invitations/accept?token=…}: where the invitation e-mail leads. The invitee, signed in with the
 * invited address, accepts by a form (a GET changes nothing); then they see their organisation.
 */
@Controller
@RequestMapping("/invitations/accept")
@PreAuthorize("hasRole('participant')")
class InvitationController {

    private final Apis apis;

    InvitationController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping
    String show(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "participant/invitation";
    }

    @PostMapping
    String accept(@RequestParam(defaultValue = "") String token, Model model) {
        try {
            apis.registration().post().uri(OrganizationController.API + "/invitations/accept")
                    .body(Map.of("token", token)).retrieve().toBodilessEntity();
            return "redirect:/me/organization?joined";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            model.addAttribute("token", token);
            return "participant/invitation";
        }
    }
}
