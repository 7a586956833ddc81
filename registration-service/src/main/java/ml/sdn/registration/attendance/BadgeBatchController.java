package ml.sdn.registration.attendance;

import io.swagger.v3.oas.annotations.Operation;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Batch printing of a day's badges for organizers (and coordinators, their delegation only): one PDF. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/attendance/days/{date}")
@PreAuthorize("hasAnyRole('organizer', 'coordinator')")
class BadgeBatchController {

    private final BadgeBatch batch;
    private final BadgeWords.Event event;
    private final MessageSource messages;

    BadgeBatchController(BadgeBatch batch, @Value("${sdn.attendance.event.name}") String eventName,
                         @Value("${sdn.attendance.event.first-day}") String firstDay,
                         @Value("${sdn.attendance.event.last-day}") String lastDay, MessageSource messages) {
        this.batch = batch;
        this.event = new BadgeWords.Event(eventName, LocalDate.parse(firstDay), LocalDate.parse(lastDay));
        this.messages = messages;
    }

    @GetMapping("/badges.pdf")
    @Operation(summary = "The badges of the day's confirmed attendees as one PDF (organizer; coordinator: their delegation only)",
            description = "layout=sheet (default): A4 pages of four A6 badges with thin cut borders; layout=single: one A6 "
                    + "badge per page. country=ML|BF|NE: one delegation (a coordinator naming another one: 403). category="
                    + "PARTICIPANT|DELEGATION_MEMBER|SPEAKER|JURY|PRESS|OFFICIAL|STAFF: one category (else 400). Each badge "
                    + "as the person's own badge.pdf: the category in words on its colour, name, organisation, country, "
                    + "confirmed days, the event, the code and its QR code, in the request's language. Sorted by name. Nobody to print: 404 problem, never an empty PDF.")
    ResponseEntity<byte[]> badges(Caller caller, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                  @RequestParam(required = false) String country,
                                  @RequestParam(required = false) String layout,
                                  @RequestParam(required = false) String category, Locale locale) {
        String delegation = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        BadgeBatch.Choice choice = BadgeBatch.checked(caller, delegation, layout == null || layout.isBlank() ? null : layout,
                category == null || category.isBlank() ? null : category);
        BadgePdf.Layout chosen = choice.layout();
        List<Attendances.BadgeHolder> holders = batch.holders(caller, date, delegation, choice.category());
        Locale language = BadgeWords.language(locale);
        String daysLabel = messages.getMessage("attendance.badge.days", null, language);
        byte[] pdf = BadgePdf.pdf(holders.stream().map(h -> BadgeWords.of(h, event, language, daysLabel,
                        messages.getMessage(AttendeeCategory.orParticipant(h.category()).messageKey(), null, language)))
                .toList(), chosen, event.name() + " - " + date);
        String file = "badges-" + date + (delegation == null ? "" : "-" + delegation.toLowerCase(Locale.ROOT))
                + "-" + chosen.name().toLowerCase(Locale.ROOT) + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(pdf);
    }
}
