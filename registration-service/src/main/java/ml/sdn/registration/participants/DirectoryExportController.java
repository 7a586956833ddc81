package ml.sdn.registration.participants;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ml.sdn.platform.csv.SpreadsheetCsv;
import ml.sdn.platform.csv.SpreadsheetDownload;
import ml.sdn.platform.security.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The participant search as a CSV file: the same filters and scope as the list, every row at once. */
@RestController
class DirectoryExportController {

    private final ParticipantDirectory directory;
    private final MessageSource messages;
    private final Clock clock;

    DirectoryExportController(ParticipantDirectory directory, MessageSource messages, ObjectProvider<Clock> clock) {
        this.directory = directory;
        this.messages = messages;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @GetMapping("${sdn.service.api-prefix}/participants." + SpreadsheetDownload.FORMAT)
    @PreAuthorize("hasAnyRole('organizer', 'coordinator')")
    @Operation(summary = "The participant search as CSV or XLSX (organizer; coordinator: their delegation only)",
            description = "The list's filters, every match (at most 20,000), sorted by name; participants.csv: UTF-8 with a "
                    + "byte-order mark, ';' separators; participants.xlsx: the same rows; words (French, English with Accept-Language: en), text cells a spreadsheet would "
                    + "evaluate prefixed with '. The first line names the edition (`edition`, as the caller names it) and "
                    + "when the file was made. No gender: files travel. " + ParticipantController.SEARCH_RULES)
    ResponseEntity<byte[]> export(Caller caller, @PathVariable String format,
                               @RequestParam(required = false)
                               @Pattern(regexp = "(ML|BF|NE)?", message = "{participants.search.country.invalid}") String country,
                               @RequestParam(required = false)
                               @Pattern(regexp = "(START_UP|SME|PROJECT_TEAM)?", message = "{participants.search.organizationType.invalid}")
                               String organizationType,
                               @RequestParam(required = false) @Size(max = 40)
                               @Pattern(regexp = "([A-Z][A-Z0-9_]*)?", message = "{participants.search.sector.invalid}") String sector,
                               @RequestParam(required = false) Boolean womenLed,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                               @RequestParam(required = false) @Size(max = 100) String q,
                               @Parameter(description = "The edition's name for the first line, e.g. 3 (2026)")
                               @RequestParam(required = false) @Size(max = 100, message = "{directory.export.edition.size}")
                               String edition) {
        DirectoryScope scope = DirectoryScope.of(caller, ParticipantController.blankToNull(country));
        List<Participant> found = directory.find(scope, ParticipantController.filters(country, organizationType, sector,
                womenLed, day, q), 0, ExportWords.MAX_ROWS).participants();
        List<String> ids = found.stream().map(Participant::id).toList();
        Map<String, List<ParticipantDetail.Membership>> organizations = directory.memberships(ids);
        Map<String, List<ParticipantDetail.AttendanceDay>> days = directory.attendance(ids, false);
        ExportWords words = new ExportWords(messages, LocaleContextHolder.getLocale());
        Instant now = clock.instant();

        SpreadsheetCsv csv = SpreadsheetCsv.titled(words.madeAt(edition, now)).textRow(words.headers("participants"));
        for (Participant person : found) {
            csv.row(List.of(SpreadsheetCsv.text(person.displayName()), SpreadsheetCsv.text(person.email()),
                    // a phone in E.164 starts with +: guarded like any text
                    SpreadsheetCsv.text(person.phone()), words.country(person.country()),
                    SpreadsheetCsv.text(person.city()), SpreadsheetCsv.text(person.region()),
                    SpreadsheetCsv.text(organizations.getOrDefault(person.id(), List.of()).stream()
                            .map(ParticipantDetail.Membership::name).collect(Collectors.joining(", "))),
                    days.getOrDefault(person.id(), List.of()).stream().map(d -> "WAITING".equals(d.status())
                            ? messages.getMessage("directory.export.waiting", new Object[]{words.day(d.day())}, words.locale())
                            : words.day(d.day())).collect(Collectors.joining(", ")),
                    words.date(person.registeredAt())));
        }
        return SpreadsheetDownload.of(csv, format, words.fileName("participants", now));
    }
}
