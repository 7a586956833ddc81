package ml.sdn.registration.organizations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ml.sdn.platform.csv.SpreadsheetCsv;
import ml.sdn.platform.security.Caller;
import ml.sdn.registration.participants.ExportWords;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
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

    @GetMapping("${sdn.service.api-prefix}/organizations.csv")
    @PreAuthorize("hasAnyRole('organizer', 'coordinator')")
    @Operation(summary = "Organisations as CSV (organizer; coordinator: their delegation's country only)",
            description = "The list's filters, every match (at most 20,000), sorted by name; UTF-8 with a byte-order mark, "
                    + "';' separators, words (French, English with Accept-Language: en), text cells a spreadsheet would "
                    + "evaluate prefixed with '. The first line names the edition (`edition`, as the caller names it) and "
                    + "when the file was made. A coordinator asking for another country gets a file without rows.")
    ResponseEntity<byte[]> csv(Caller caller,
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
        SpreadsheetCsv csv = new SpreadsheetCsv().textRow(List.of(words.madeAt(edition, now))).textRow(words.headers("organizations"));
        for (Organization organization : organizations.all(caller, country, type, sector, womenLed, q, ExportWords.MAX_ROWS)) {
            csv.row(List.of(SpreadsheetCsv.text(organization.name()),
                    words.type(organization.type() == null ? null : organization.type().name()),
                    words.country(organization.country()),
                    words.sector(organization.sector() == null ? null : organization.sector().name()),
                    words.yesNo(organization.womenLed()), Integer.toString(organization.members().size()),
                    organization.foundingYear() == null ? "" : organization.foundingYear().toString(),
                    words.date(organization.registeredAt())));
        }
        return ResponseEntity.ok().contentType(ExportWords.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(words.fileName("organizations", now), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.bytes());
    }
}
