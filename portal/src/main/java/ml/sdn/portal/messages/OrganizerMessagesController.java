package ml.sdn.portal.messages;

import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** An organizer's messages: to any group, and every message sent. */
@Controller
@PreAuthorize("hasRole('organizer')")
class OrganizerMessagesController extends MessagePages {

    OrganizerMessagesController(Apis apis) {
        super(apis, "/organizer/messages");
    }

    @GetMapping("/organizer/messages")
    String compose(Model model) {
        return compose(Form.empty("COUNTRY"), model);
    }

    @PostMapping("/organizer/messages/preview")
    String preview(@ModelAttribute("typed") Form form, Model model) {
        return super.preview(form, model);
    }

    @PostMapping("/organizer/messages")
    String send(@ModelAttribute("typed") Form form, Model model) {
        return super.send(form, model);
    }

    @GetMapping("/organizer/messages/sent")
    String sent(Model model) {
        return super.sent(model);
    }

    @GetMapping("/organizer/messages/{id}")
    String report(@PathVariable String id, Model model) {
        return super.report(id, model);
    }
}
