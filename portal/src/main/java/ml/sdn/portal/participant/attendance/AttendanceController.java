package ml.sdn.portal.participant.attendance;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code /me/attendance}: the days of the week with their places, registering and cancelling, the waiting
 * list position, the QR badge and the printable badge (PDF) (both streamed from registration-service, never
 * kept by a cache).
 */
@Controller
@RequestMapping("/me/attendance")
@PreAuthorize("hasRole('participant')")
class AttendanceController {

    static final String API = "/api/registrations/attendance";

    private final Apis apis;

    AttendanceController(Apis apis) {
        this.apis = apis;
    }

    @GetMapping
    String show(Model model) {
        return page(model);
    }

    @PostMapping("/{day}/register")
    String register(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        try {
            apis.registration().post().uri(API + "/days/{day}/registrations", day).retrieve().toBodilessEntity();
            return "redirect:/me/attendance?registered";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return page(model);
        }
    }

    @PostMapping("/{day}/cancel")
    String cancel(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        try {
            apis.registration().delete().uri(API + "/days/{day}/registrations/me", day).retrieve().toBodilessEntity();
            return "redirect:/me/attendance?cancelled";
        } catch (ApiException refused) {
            FormErrors.show(model, refused);
            return page(model);
        }
    }

    @GetMapping("/badge.png")
    ResponseEntity<byte[]> badge() {
        byte[] png = apis.registration().get().uri(API + "/me/badge").retrieve().body(byte[].class);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    /** The printable badge (PDF, in the page's language: the portal sends it to the service), downloaded as a file. */
    @GetMapping("/badge.pdf")
    ResponseEntity<byte[]> badgePdf() {
        byte[] pdf = apis.registration().get().uri(API + "/me/badge.pdf").retrieve().body(byte[].class);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("badge-semaine-du-numerique.pdf").build().toString())
                .body(pdf);
    }

    private String page(Model model) {
        List<AttendanceDays.Day> days = apis.registration().get().uri(API + "/days").retrieve()
                .body(new ParameterizedTypeReference<List<AttendanceDays.Day>>() { });
        List<AttendanceDays.Mine> mine;
        try {
            mine = apis.registration().get().uri(API + "/me").retrieve()
                    .body(new ParameterizedTypeReference<List<AttendanceDays.Mine>>() { });
        } catch (ApiException refused) {
            if (!refused.isClientError()) {
                throw refused;
            }
            mine = List.of(); // no profile yet: the service said why; the days are still shown
            model.addAttribute("noProfile", true);
        }
        AttendanceDays attendance = AttendanceDays.of(days, mine);
        model.addAttribute("attendance", attendance);
        model.addAttribute("badgeCode", mine.stream().filter(m -> m.badgeCode() != null).map(AttendanceDays.Mine::badgeCode)
                .findFirst().orElse(null));
        return "participant/attendance";
    }
}
