package ml.sdn.registration.organizations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ml.sdn.platform.csv.SpreadsheetCsv;
import ml.sdn.platform.csv.SpreadsheetDownload;
import ml.sdn.platform.security.Caller;
import ml.sdn.registration.participants.ExportWords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The organisations list as a CSV file: the same filters and scope as the list, every row at once. */
@RestController
class OrganizationExportController {

    private final Organizations organizations;
    private final MessageSource messages;
    private final Clock clock;

    OrganizationExportController(Organizations organizations, MessageSource messages, ObjectProvider<Clock> clock) {
        this.organizations = organizations;
        this.messages = messages;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @GetMapping("${sdn.service.api-prefix}/organizations." + SpreadsheetDownload.FORMAT)
    @PreAuthorize("hasAnyRole('organizer', 'coordinator')")
    @Operation(summary = "Organisations as CSV or XLSX (organizer; coordinator: their delegation's country only)",
            description = "The list's filters, every match (at most 20,000), sorted by name; organizations.csv: UTF-8 with a "
                    + "byte-order mark, ';' separators; organizations.xlsx: the same rows, counts and years as numbers; words (French, English with Accept-Language: en), text cells a spreadsheet would "
                    + "evaluate prefixed with '. The first line names the edition (`edition`, as the caller names it) and "
                    + "when the file was made. A coordinator asking for another country gets a file without rows.")
    ResponseEntity<byte[]> export(Caller caller, @PathVariable String format,
                               @RequestParam(required = false) @Pattern(regexp = "ML|BF|NE", message = "{organization.country.invalid}") String country,
                               @RequestParam(required = false) @Pattern(regexp = "START_UP|SME|PROJECT_TEAM", message = "{organization.type.invalid}") String type,
                               @RequestParam(required = false) @OneOf(value = Sector.class, message = "{organization.sector.invalid}") String sector,
                               @RequestParam(required = false) Boolean womenLed,
                               @RequestParam(required = false) @Size(max = 120, message = "{organization.name.size}") String q,
                               @Parameter(description = "The edition's name for the first line, e.g. 3 (2026)")
                               @RequestParam(required = false) @Size(max = 100, message = "{directory.export.edition.size}")
                               String edition) {
        ExportWords words = new ExportWords(messages, LocaleContextHolder.getLocale());
        Instant now = clock.instant();
        SpreadsheetCsv csv = SpreadsheetCsv.titled(words.madeAt(edition, now)).textRow(words.headers("organizations"));
        for (Organization organization : organizations.all(caller, country, type, sector, womenLed, q, ExportWords.MAX_ROWS)) {
            csv.row(List.of(SpreadsheetCsv.text(organization.name()),
                    words.type(organization.type() == null ? null : organization.type().name()),
                    words.country(organization.country()),
                    words.sector(organization.sector() == null ? null : organization.sector().name()),
                    words.yesNo(organization.womenLed()), SpreadsheetCsv.figure(organization.members().size()),
                    organization.foundingYear() == null ? "" : SpreadsheetCsv.figure(organization.foundingYear()),
                    words.date(organization.registeredAt())));
        }
        return SpreadsheetDownload.of(csv, format, words.fileName("organizations", now));
    }
}
