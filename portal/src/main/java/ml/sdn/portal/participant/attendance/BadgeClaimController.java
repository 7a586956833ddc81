package ml.sdn.portal.participant.attendance;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /me/attendance/claim}: someone registered without an account (at the door, by the organizers or by their
 * delegation's coordinator) types the code of their badge and the phone or e-mail given then; their days and
 * check-ins become their account's. A plain form: no script.
 */
@Controller
@RequestMapping("/me/attendance/claim")
@PreAuthorize("hasRole('participant')")
class BadgeClaimController {

    static final String VIEW = "participant/badge-claim";

    private final Apis apis;

    BadgeClaimController(Apis apis) {
        this.apis = apis;
    }

    record Form(String badgeCode, String contact) {

        static Form empty() {
            return new Form("", "");
        }
    }

    /** What the service answers; only whether the account's own badge replaced the claimed one matters here. */
    record Claimed(String badgeCode, boolean paperBadgeReplaced) {
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("form", Form.empty());
        return VIEW;
    }

    @PostMapping
    ModelAndView claim(@ModelAttribute Form form, Model model) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("badgeCode", form.badgeCode());
        body.put("contact", form.contact());
        try {
            Claimed claimed = apis.registration().post().uri(AttendanceController.API + "/me/badge-claims")
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Claimed.class);
            return new ModelAndView("redirect:/me/attendance?" + (claimed != null && claimed.paperBadgeReplaced()
                    ? "claimedReplaced" : "claimed"));
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            model.addAttribute("form", form);
            ModelAndView page = new ModelAndView(VIEW, model.asMap());
            page.setStatus(HttpStatus.valueOf(refused.status()));
            return page;
        }
    }
}
