package ml.sdn.registration.attendance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ml.sdn.platform.idempotency.AcceptsIdempotencyKey;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Attendance at the week. Days ({@code {date}} is an ISO date, {@code 2026-01-29}): organizers open
 * them with a capacity; anyone signed in sees them. Registrations, the badge and "my days" are always
 * the caller's own (there is no way to name another person's); check-in and the door's search are for
 * door staff ({@code staff}) and organizers.
 */
@RestController
@RequestMapping("${sdn.service.api-prefix}/attendance")
class AttendanceController {

    private final Attendances attendances;
    private final OfflineCheckIns offline;
    private final BadgeClaims claims;
    private final int badgeSize;
    private final BadgeWords.Event event;
    private final MessageSource messages;

    AttendanceController(Attendances attendances, OfflineCheckIns offline, BadgeClaims claims, @Value("${sdn.attendance.badge-size:300}") int badgeSize,
                         @Value("${sdn.attendance.event.name}") String eventName,
                         @Value("${sdn.attendance.event.first-day}") String firstDay,
                         @Value("${sdn.attendance.event.last-day}") String lastDay, MessageSource messages) {
        this.attendances = attendances;
        this.offline = offline;
        this.claims = claims;
        this.badgeSize = badgeSize;
        this.event = new BadgeWords.Event(eventName, LocalDate.parse(firstDay), LocalDate.parse(lastDay));
        this.messages = messages;
    }

    /** Opens the day (201) or changes its capacity (200); raising it promotes waiting people, lowering it removes nobody. */
    @PutMapping("/days/{date}")
    @PreAuthorize("hasRole('organizer')")
    ResponseEntity<DayView> openDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                    @Valid @RequestBody DayRequest request) {
        Attendances.OpenedDay opened = attendances.openDay(date, request.capacity());
        return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK).body(opened.day());
    }

    @GetMapping("/days")
    List<DayView> days() {
        return attendances.days();
    }

    /** Confirmed at once if a place is free and nobody waits, else on the waiting list (201); already registered: 200 with it. */
    @PostMapping("/days/{date}/registrations")
    @AcceptsIdempotencyKey
    ResponseEntity<AttendanceView> register(Caller caller,
                                            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Attendances.Registered registered = attendances.register(caller, date);
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(registered.attendance());
    }

    /** Gives up the place (it goes to the first waiting person) or leaves the waiting list. */
    @DeleteMapping("/days/{date}/registrations/me")
    ResponseEntity<Void> cancel(Caller caller, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        attendances.cancel(caller, date);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    List<AttendanceView> mine(Caller caller) {
        return attendances.mine(caller);
    }

    /** The caller's badge code as a QR code (PNG), while they hold a place for at least one day. */
    @GetMapping("/me/badge")
    ResponseEntity<byte[]> badge(Caller caller) {
        byte[] png = attendances.badgePng(caller, badgeSize);
        // the badge is a door pass: never kept by a shared cache or a shared phone's browser cache
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    /**
     * The caller's printable badge (one A6 page, see {@link BadgePdf}): name, organisation, country, the
     * confirmed days and the event in the request's language, the QR code of the badge code and the code
     * in text. Same rule as the PNG: no confirmed day, 404.
     */
    @GetMapping("/me/badge.pdf")
    ResponseEntity<byte[]> badgePdf(Caller caller, Locale locale) {
        Attendances.BadgeHolder holder = attendances.badgeHolder(caller);
        Locale language = BadgeWords.language(locale);
        byte[] pdf = BadgePdf.pdf(BadgeWords.of(holder, event, language,
                messages.getMessage("attendance.badge.days", null, language),
                messages.getMessage(AttendeeCategory.orParticipant(holder.category()).messageKey(), null, language)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("badge-semaine-du-numerique.pdf").build().toString())
                .body(pdf);
    }

    /**
     * The caller claims a badge registered without an account (at a door, by an organizer or a coordinator), proving
     * it is theirs with the phone or e-mail given then: its registrations, days and check-ins become the caller's,
     * who keeps one badge (their own if they had one). 200 with the badge that counts and the caller's days; the same
     * claim again answers the same. See {@link BadgeClaims#claim} for the refusals, each naming its field.
     */
    @PostMapping("/me/badge-claims")
    BadgeClaimView claimBadge(Caller caller, @Valid @RequestBody BadgeClaimRequest request) {
        return claims.claim(caller, request);
    }

    /**
     * Checks in the badge's holder for the day at a door (door staff and organizers, whatever the holder's
     * delegation); a second scan answers the first check-in, its time and door, with {@code firstCheckIn}
     * false. A badge that does not let its bearer in that day: 422 naming {@code badgeCode}.
     */
    @PostMapping("/days/{date}/check-ins")
    @PreAuthorize("hasAnyRole('staff', 'organizer')")
    CheckInView checkIn(Caller caller, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                        @Valid @RequestBody CheckInRequest request) {
        return attendances.checkIn(caller, date, request.badgeCode(), request.door(), request.checkInId());
    }

    /**
     * The day's confirmed attendees whose name or organisation contains {@code q} (accents and case
     * ignored), or whose phone contains its digits: at most 20, with what the door needs and nothing
     * more (no e-mail, no gender, the phone masked).
     */
    @GetMapping("/days/{date}/attendees")
    @PreAuthorize("hasAnyRole('staff', 'organizer')")
    List<DoorAttendee> attendees(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                 @RequestParam(required = false) @Size(max = 100, message = "{attendance.search.size}") String q) {
        return attendances.searchDay(date, q);
    }

    /**
     * The day's list for a door's device to work offline: everyone holding a place that day with their badge
     * code, name, organisation, country and category, and whether and when they came in; no e-mail, phone
     * or gender (the list is kept on phones). A day not open: 404. With {@code device} (an id the device made for
     * itself), also {@code walkInCodes}: badge codes set aside for the caller, that device and the day, for the
     * walk-ins it registers offline (topped up at each download, each used once).
     */
    @GetMapping("/days/{date}/door-list")
    @PreAuthorize("hasAnyRole('staff', 'organizer')")
    ResponseEntity<DoorList> doorList(Caller caller, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                      @RequestParam(required = false)
                                      @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "{attendance.device.invalid}") String device) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(offline.list(date, caller, device));
    }

    /**
     * A person who arrived without registration, registered at the door and let in at once, while online (the door's
     * page without its script; offline, the device's codes and the upload do it): any country, the day and the door
     * given. 200 with the outcome (REGISTERED, or ALREADY_REGISTERED with the badge code they had), the badge code to
     * write on a paper badge and the check-in; the same {@code clientId} again is the same person. Every detail at
     * fault at once: 400 naming them; a day not open: 404.
     */
    @PostMapping("/days/{date}/door-walk-ins")
    @PreAuthorize("hasAnyRole('staff', 'organizer')")
    OfflineCheckInReport.WalkInLine registerAtDoor(Caller caller,
                                                   @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                                   @Valid @RequestBody DoorWalkInRequest request) {
        return offline.registerAtDoor(caller, date, request);
    }

    /**
     * Check-ins a door's device took offline, uploaded when the network is back: each line is applied on its
     * own and reported (recorded, already in, conflict at another door, or refused with the reason); one
     * check-in per person and day, the earliest kept; the same batch again changes nothing. {@code walkIns}: people
     * registered at the door meanwhile with a code from {@code walkInCodes}, registered and checked in once each
     * (the same client id again: the same person; a code not set aside for the caller that day: refused on its
     * line; a code given to a second person: a conflict, nobody registered).
     */
    @PostMapping("/offline-check-ins")
    @PreAuthorize("hasAnyRole('staff', 'organizer')")
    OfflineCheckInReport uploadOffline(Caller caller, @Valid @RequestBody OfflineCheckInBatch batch) {
        return offline.upload(caller, batch);
    }
}
