package ml.sdn.portal.participant.notifications;

import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.Set;

/**
 * {@code /me/notifications}: the inbox of anyone signed in, newest first, unread marked; mark one or all read;
 * paged. {@code /me/notifications/preferences}: which kinds come by e-mail and by SMS.
 */
@Controller
@RequestMapping("/me/notifications")
@PreAuthorize("isAuthenticated()")
class NotificationsController {

    static final String API = "/api/notifications/me";
    static final int PAGE_SIZE = 10;

    private final Apis apis;

    NotificationsController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping
    String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
        int shown = Math.max(0, Math.min(page, 10_000));
        model.addAttribute("inbox", apis.notification().get().uri(API + "?page={page}&size={size}", shown, PAGE_SIZE)
                .retrieve().body(Inbox.class));
        return "participant/notifications";
    }

    @PostMapping("/{id}/read")
    String markRead(@PathVariable String id, @RequestParam(defaultValue = "0") int page) {
        apis.notification().post().uri(API + "/{id}/read", id).retrieve().toBodilessEntity();
        return "redirect:/me/notifications?page=" + Math.max(0, page);
    }

    /** Which notifications come by e-mail and by SMS; the inbox gets them all. */
    @GetMapping("/preferences")
    String preferences(Model model) {
        model.addAttribute("preferences", mine());
        return "participant/preferences";
    }

    /** The ticked boxes are on, every other kind the person may switch is off. */
    @PostMapping("/preferences")
    String savePreferences(@RequestParam(name = "email", required = false) Set<String> email,
                           @RequestParam(name = "sms", required = false) Set<String> sms) {
        Map<String, Object> body = mine().request(email == null ? Set.of() : email, sms == null ? Set.of() : sms);
        apis.notification().put().uri(API + "/preferences").body(body).retrieve().toBodilessEntity();
        return "redirect:/me/notifications/preferences?saved";
    }

    private Preferences mine() {
        return apis.notification().get().uri(API + "/preferences").retrieve().body(Preferences.class);
    }

    @PostMapping("/read-all")
    String markAllRead() {
        apis.notification().post().uri(API + "/read-all").retrieve().toBodilessEntity();
        return "redirect:/me/notifications?allRead";
    }
}
