package ml.sdn.portal.doors;

import ml.sdn.portal.api.Downloads;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code /organizer/door-figures} and {@code /coordinator/door-figures}: how many people are in on a day,
 * per door and per delegation, and the day's attendance file (its first line naming the current edition). The figures
 * change every {@value #REFRESH_SECONDS} s: with JavaScript swapped in place ({@code door-figures.js} asks for this
 * page again), without it the page reloads itself ({@code <meta http-equiv="refresh">} in a {@code <noscript>}). A coordinator's figures are their delegation's: registration-service scopes them by the
 * token, whatever the page asks.
 */
@Controller
class DoorFiguresController {

    static final int REFRESH_SECONDS = 30;
    private static final String API = "/api/registrations/attendance";

    /** The week's days are Bamako's. */
    private static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    private final Apis apis;
    private final Clock clock;

    DoorFiguresController(Apis apis, ObjectProvider<Clock> clock) {
        this.apis = apis;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @GetMapping("/organizer/door-figures")
    @PreAuthorize("hasRole('organizer')")
    String organizer(@RequestParam(required = false) String day, Model model) {
        return page("/organizer", day, model);
    }

    @GetMapping("/coordinator/door-figures")
    @PreAuthorize("hasRole('coordinator')")
    String coordinator(@RequestParam(required = false) String day, Model model) {
        return page("/coordinator", day, model);
    }

    @GetMapping("/organizer/door-figures/attendees.{format:csv|xlsx}")
    @PreAuthorize("hasRole('organizer')")
    ResponseEntity<byte[]> organizerFile(@PathVariable String format, @RequestParam(required = false) String day) {
        return file(format, day);
    }

    @GetMapping("/coordinator/door-figures/attendees.{format:csv|xlsx}")
    @PreAuthorize("hasRole('coordinator')")
    ResponseEntity<byte[]> coordinatorFile(@PathVariable String format, @RequestParam(required = false) String day) {
        return file(format, day);
    }

    private String page(String base, String day, Model model) {
        List<DoorFigures.Day> days = days();
        LocalDate chosen = chosen(day, days, LocalDate.now(clock.withZone(BAMAKO)));
        model.addAttribute("base", base);
        model.addAttribute("days", days);
        model.addAttribute("day", chosen);
        if (chosen != null) {
            model.addAttribute("figures", apis.registration().get().uri(API + "/days/{day}/door-figures", chosen)
                    .retrieve().body(DoorFigures.class));
            model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        }
        return "doors/figures";
    }

    private ResponseEntity<byte[]> file(String format, String day) {
        LocalDate chosen = chosen(day, days(), LocalDate.now(clock.withZone(BAMAKO)));
        if (chosen == null) {
            return ResponseEntity.notFound().build();
        }
        // registration-service keeps no editions: the current one is named for the file's first line, as in the directory's
        String edition = Downloads.currentEditionName(apis);
        ResponseEntity<byte[]> file = apis.registration().get()
                .uri(uri -> edition == null ? uri.path(API + "/days/{day}/attendees." + format).build(chosen)
                        : uri.path(API + "/days/{day}/attendees." + format).queryParam("edition", "{edition}").build(chosen, edition))
                .accept(Downloads.accept(format)).retrieve().toEntity(byte[].class);
        return Downloads.relay(file, format, "attendance");
    }

    private List<DoorFigures.Day> days() {
        List<DoorFigures.Day> days = apis.registration().get().uri(API + "/days").retrieve()
                .body(new ParameterizedTypeReference<List<DoorFigures.Day>>() { });
        return days == null ? List.of() : days;
    }

    /**
     * The day asked for if it is an open day; else today during the week, else the first open day: the page
     * always shows figures when it can, and during the week the day at the doors without choosing it.
     */
    static LocalDate chosen(String asked, List<DoorFigures.Day> open, LocalDate today) {
        List<LocalDate> days = open.stream().map(DoorFigures.Day::day).toList();
        if (days.isEmpty()) {
            return null;
        }
        return days.stream().filter(d -> asked != null && d.toString().equals(asked.strip())).findFirst()
                .orElse(days.contains(today) ? today : days.get(0));
    }
}
