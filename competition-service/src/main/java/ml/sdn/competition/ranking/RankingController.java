package ml.sdn.competition.ranking;

import io.swagger.v3.oas.annotations.Operation;
import ml.sdn.competition.jury.Round;
import ml.sdn.platform.csv.SpreadsheetDownload;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A category's ranking for organizers only: scores never reach jurors, coordinators or participants here. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/categories/{id}")
class RankingController {

    private final RankingReports reports;

    RankingController(RankingReports reports) {
        this.reports = reports;
    }

    @Operation(summary = "A category's ranking, every score explained (organizers)",
            description = "round PRESELECTION (default: submitted applications, preselection reviews) or FINAL "
                    + "(finalists, final reviews). Readable at any time; provisional while the round's scoring phase is "
                    + "open. 403 for anyone but organizers, 404 for an unknown category, 400 naming round.")
    @GetMapping("/ranking")
    @PreAuthorize("hasRole('organizer')")
    RankingView ranking(@PathVariable String id, @RequestParam(defaultValue = "PRESELECTION") Round round) {
        return reports.view(id, round, LocaleContextHolder.getLocale());
    }

    @Operation(summary = "A category's ranking as CSV or XLSX (organizers)",
            description = "ranking.csv: UTF-8 with a byte-order mark, ';' separators, decimal commas; ranking.xlsx: the same "
                    + "rows, scores as numbers. French headers, English with Accept-Language: en. The first line names the "
                    + "edition, the category, the round and when the file was made. Text cells a spreadsheet would evaluate "
                    + "are prefixed with '.")
    @GetMapping("/ranking." + SpreadsheetDownload.FORMAT)
    @PreAuthorize("hasRole('organizer')")
    ResponseEntity<byte[]> export(@PathVariable String id, @PathVariable String format,
                                  @RequestParam(defaultValue = "PRESELECTION") Round round) {
        RankingReports.Export export = reports.export(id, round, LocaleContextHolder.getLocale());
        return SpreadsheetDownload.of(export.sheet(), format, export.fileName());
    }
}
