package ml.sdn.competition.ranking;

import io.swagger.v3.oas.annotations.Operation;
import ml.sdn.competition.jury.Round;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/** A category's ranking for organizers only: scores never reach jurors, coordinators or participants here. */
@RestController
@RequestMapping("${sdn.service.api-prefix}/categories/{id}")
class RankingController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

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

    @Operation(summary = "A category's ranking as CSV (organizers)",
            description = "UTF-8 with a byte-order mark, ';' separators, decimal commas; French headers, English with "
                    + "Accept-Language: en. Text cells a spreadsheet would evaluate are prefixed with '.")
    @GetMapping(value = "/ranking.csv")
    @PreAuthorize("hasRole('organizer')")
    ResponseEntity<byte[]> csv(@PathVariable String id, @RequestParam(defaultValue = "PRESELECTION") Round round) {
        RankingReports.Csv csv = reports.csv(id, round, LocaleContextHolder.getLocale());
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, csv.disposition().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.bytes());
    }
}
