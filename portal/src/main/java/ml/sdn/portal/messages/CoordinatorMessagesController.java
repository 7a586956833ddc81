package ml.sdn.portal.messages;

import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A coordinator's messages: to any group but everyone, always within their own delegation, which notification-service
 * takes from their token (a country typed into the form is refused there); the messages sent to their delegation.
 */
@Controller
@PreAuthorize("hasRole('coordinator')")
class CoordinatorMessagesController extends MessagePages {

    CoordinatorMessagesController(Apis apis) {
        super(apis, "/coordinator/messages");
    }

    @GetMapping("/coordinator/messages")
    String compose(Model model) {
        // their whole delegation is the first audience offered: counted at once
        return preview(Form.empty(null), model);
    }

    @PostMapping("/coordinator/messages/preview")
    String preview(@ModelAttribute("typed") Form form, Model model) {
        return super.preview(form, model);
    }

    @PostMapping("/coordinator/messages")
    String send(@ModelAttribute("typed") Form form, Model model) {
        return super.send(form, model);
    }

    @GetMapping("/coordinator/messages/sent")
    String sent(Model model) {
        return super.sent(model);
    }

    @GetMapping("/coordinator/messages/{id}")
    String report(@PathVariable String id, Model model) {
        return super.report(id, model);
    }
}
