package ml.sdn.competition.applications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Editions;
import ml.sdn.platform.csv.SpreadsheetCsv;
import ml.sdn.platform.csv.SpreadsheetDownload;
import ml.sdn.platform.security.Caller;
import ml.sdn.platform.rules.FieldRejectedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/** The applications of an edition as a spreadsheet file, with the list's filters (organizers). */
@RestController
class ApplicationExportController {

    /** More than any edition receives: the file is never cut short in practice, and never unbounded. */
    static final int MAX_ROWS = 20_000;

    private final ApplicationQueries queries;
    private final Editions editions;
    private final Clock clock;

    ApplicationExportController(ApplicationQueries queries, Editions editions, ObjectProvider<Clock> clock) {
        this.queries = queries;
        this.editions = editions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(summary = "An edition's applications as CSV or XLSX (organizers)",
            description = "The list's filters (editionId required); applications.csv: UTF-8 with a byte-order mark, ';' "
                    + "separators; applications.xlsx: the same rows. Words (French, English with Accept-Language: en), text "
                    + "cells a spreadsheet would evaluate prefixed with '. The first line names the edition and when the file "
                    + "was made. 400 naming editionId when missing or unknown, or an invalid filter.")
    @GetMapping("${sdn.service.api-prefix}/applications." + SpreadsheetDownload.FORMAT)
    @PreAuthorize("hasRole('organizer')")
    ResponseEntity<byte[]> export(Caller caller, @PathVariable String format,
                               @RequestParam(required = false) @NotBlank(message = "{application.export.editionId.required}")
                               @Size(max = 64, message = "{application.id.invalid}")
                               @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{application.id.invalid}") String editionId,
                               @RequestParam(required = false) @Size(max = 64, message = "{application.id.invalid}")
                               @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{application.id.invalid}") String categoryId,
                               @Parameter(description = "DRAFT, SUBMITTED or WITHDRAWN")
                               @RequestParam(required = false) ApplicationStatus status,
                               @RequestParam(required = false)
                               @Pattern(regexp = "(ML|BF|NE)?", message = "{application.country.invalid}") String country,
                               @RequestParam(required = false) Boolean womenLed) {
        Edition edition = editions.find(editionId.strip())
                .orElseThrow(() -> new FieldRejectedException("editionId", "application.export.editionId.unknown"));
        Instant now = clock.instant();
        ApplicationsCsv.Words words = ApplicationsCsv.Words.of(LocaleContextHolder.getLocale());
        SpreadsheetCsv sheet = ApplicationsCsv.file(edition.label(), now,
                queries.all(caller, new ApplicationQueries.Filter(edition.id(), Applications.blankToNull(categoryId), status,
                        Applications.blankToNull(country), womenLed, null), MAX_ROWS), words);
        String fileName = ("en".equals(words.locale().getLanguage()) ? "applications-edition-" : "candidatures-edition-")
                + edition.number();
        return SpreadsheetDownload.of(sheet, format, fileName);
    }
}
