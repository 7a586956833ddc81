package ml.sdn.portal.directory;

import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/** The directory's pages under {@code /organizer} ({@link DirectoryPages}). */
@Controller
@PreAuthorize("hasRole('organizer')")
class OrganizerDirectoryController extends DirectoryPages {

    OrganizerDirectoryController(Apis apis) {
        super(apis, "/organizer");
    }

    @GetMapping("/organizer/participants")
    String participantList(@RequestParam Map<String, String> params, Model model) {
        return participants(params, model);
    }

    @GetMapping("/organizer/participants/{id}")
    String participantPage(@PathVariable String id, Model model) {
        return participant(id, model);
    }

    @GetMapping("/organizer/participants.{format:csv|xlsx}")
    ResponseEntity<byte[]> participantFile(@PathVariable String format, @RequestParam Map<String, String> params) {
        return participantsFile(format, params);
    }

    @GetMapping("/organizer/organizations")
    String organizationList(@RequestParam Map<String, String> params, Model model) {
        return organizations(params, model);
    }

    @GetMapping("/organizer/organizations/{id}")
    String organizationPage(@PathVariable String id, Model model) {
        return organization(id, model);
    }

    @GetMapping("/organizer/organizations.{format:csv|xlsx}")
    ResponseEntity<byte[]> organizationFile(@PathVariable String format, @RequestParam Map<String, String> params) {
        return organizationsFile(format, params);
    }
}
