package ml.sdn.portal.checkin;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.FormErrors;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /checkin}: the door. Door staff (and organizers) choose the day and their door, then check people
 * in by the code on their badge, typed, or find them by name, phone or organisation and check them in with
 * one button. The outcome is shown large: green for a check-in, orange for someone already in (with the
 * time and door of their first check-in), red for a badge that does not let its bearer in. Works without
 * JavaScript: every step is a plain form.
 * <p>
 * A person who arrived without registration is registered and let in from the same page ({@code POST /checkin/walk-in}).
 * <p>
 * Each check-in form carries an id made when the page was drawn: the same form sent twice (a reload, a
 * double tap) is the same check-in for the service, answered as itself rather than as "already in".
 */
@Controller
@RequestMapping("/checkin")
@PreAuthorize("hasAnyRole('staff', 'organizer')")
class CheckInController {

    static final String API = "/api/registrations/attendance";
    private static final Resource SERVICE_WORKER = new ClassPathResource("checkin/sw.js");
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);

    private final Apis apis;
    private final MessageSource messages;

    CheckInController(Apis apis, MessageSource messages) {
        this.apis = apis;
        this.messages = messages;
    }

    @GetMapping
    String show(@RequestParam(required = false) String day, @RequestParam(required = false) String door,
                @RequestParam(required = false) String q, Model model) {
        Desk desk = desk(day, door, model);
        if (desk.ready() && q != null) {
            search(desk.day(), q, model);
        }
        return page(desk, q, model);
    }

    @PostMapping
    String checkIn(@RequestParam(required = false) String day, @RequestParam(required = false) String door,
                   @RequestParam(required = false) String badgeCode, @RequestParam(required = false) String checkInId,
                   @RequestParam(required = false) String q, Model model) {
        Desk desk = desk(day, door, model);
        if (desk.ready()) {
            if (badgeCode == null || badgeCode.isBlank()) {
                FormErrors.showField(model, "badgeCode", text("checkin.badgeCode.required"));
            } else {
                Map<String, String> body = new LinkedHashMap<>();
                body.put("badgeCode", badgeCode);
                body.put("door", desk.door());
                if (checkInId != null && !checkInId.isBlank()) {
                    body.put("checkInId", checkInId);
                }
                try {
                    DoorDesk.CheckIn result = apis.registration().post().uri(API + "/days/{day}/check-ins", desk.day())
                            .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(DoorDesk.CheckIn.class);
                    model.addAttribute("result", result);
                } catch (ApiException refused) {
                    if (refused.status() == 422) {
                        // the badge does not let its bearer in: the service says why, in the page's language
                        model.addAttribute("refusal", refused.problem().fieldErrors().getOrDefault("badgeCode",
                                refused.problem().message()));
                        model.addAttribute("refusedCode", badgeCode);
                    } else {
                        FormErrors.show(model, refused);
                    }
                }
            }
            if (q != null && !q.isBlank()) {
                search(desk.day(), q, model);
            }
        }
        return page(desk, q, model);
    }

    /**
     * A person who arrived without registration, registered and let in at the door (the page without its script, or
     * online with no code of the device's): the service gives the badge code, shown to be written on a paper badge.
     * Every detail at fault is shown next to its field, with what was typed and the same client id.
     */
    @PostMapping("/walk-in")
    ModelAndView walkIn(@RequestParam(required = false) String day, @RequestParam(required = false) String door,
                        @ModelAttribute DoorDesk.WalkInForm form, Model model) {
        Desk desk = desk(day, door, model);
        HttpStatus status = HttpStatus.OK;
        if (desk.ready()) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("clientId", form.clientId());
            body.put("door", desk.door());
            body.put("name", form.name());
            body.put("category", form.category());
            body.put("country", form.country());
            body.put("organization", form.organization());
            body.put("phone", form.phone());
            body.put("email", form.email());
            try {
                DoorDesk.WalkIn registered = apis.registration().post().uri(API + "/days/{day}/door-walk-ins", desk.day())
                        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(DoorDesk.WalkIn.class);
                model.addAttribute("walkIn", registered == null ? null : registered.withCategory(form.category()));
            } catch (ApiException refused) {
                FormErrors.show(model, refused);
                model.addAttribute("walkInForm", form);
                status = HttpStatus.valueOf(refused.status());
            }
        } else {
            status = HttpStatus.BAD_REQUEST;
        }
        ModelAndView page = new ModelAndView(page(desk, null, model), model.asMap());
        page.setStatus(status);
        return page;
    }

    /** The day and door chosen, checked against the open days; what is wrong is shown next to its field. */
    private Desk desk(String day, String door, Model model) {
        List<DoorDesk.Day> days = apis.registration().get().uri(API + "/days").retrieve()
                .body(new ParameterizedTypeReference<List<DoorDesk.Day>>() { });
        model.addAttribute("days", days == null ? List.of() : days);
        LocalDate chosenDay = DoorDesk.day(day, days == null ? List.of() : days);
        String chosenDoor = DoorDesk.door(door);
        Map<String, String> errors = new LinkedHashMap<>();
        boolean choosing = day != null || door != null;
        if (choosing && chosenDay == null) {
            errors.put("day", text("checkin.day.required"));
        }
        if (choosing && chosenDoor == null) {
            errors.put("door", text(door == null || door.isBlank() ? "checkin.door.required" : "checkin.door.invalid"));
        }
        if (!errors.isEmpty()) {
            model.addAttribute("fieldErrors", errors);
        }
        model.addAttribute("day", chosenDay);
        model.addAttribute("door", chosenDoor != null ? chosenDoor : door);
        return new Desk(chosenDay, chosenDoor);
    }

    private void search(LocalDate day, String q, Model model) {
        try {
            List<DoorDesk.Attendee> found = apis.registration().get()
                    .uri(uri -> uri.path(API + "/days/{day}/attendees").queryParam("q", "{q}").build(day, q))
                    .retrieve().body(new ParameterizedTypeReference<List<DoorDesk.Attendee>>() { });
            model.addAttribute("found", found == null ? List.of() : found);
        } catch (ApiException refused) {
            FormErrors.showOn(model, refused, "q");
        }
    }

    private String page(Desk desk, String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("ready", desk.ready());
        model.addAttribute("checkInId", UUID.randomUUID().toString());
        model.addAttribute("categories", DoorDesk.CATEGORIES);
        if (!model.containsAttribute("walkInForm")) {
            model.addAttribute("walkInForm", DoorDesk.WalkInForm.fresh());
        }
        if (desk.ready()) {
            model.addAttribute("countries", DoorDesk.countries(LocaleContextHolder.getLocale()));
        }
        return "checkin/door";
    }

    /**
     * The door's service worker (keeps the page and its files for a reload without network). Served here
     * rather than under /assets because a worker only controls pages under its own address: this one may
     * take {@code /checkin} and nothing else.
     */
    @GetMapping("/sw.js")
    ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok().contentType(JAVASCRIPT).header("Service-Worker-Allowed", "/checkin")
                .cacheControl(CacheControl.noCache()).body(SERVICE_WORKER);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private record Desk(LocalDate day, String door) {
        boolean ready() {
            return day != null && door != null;
        }
    }
}
