package ml.sdn.incubation.progress;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.cohorts.Cohorts;
import ml.sdn.incubation.editions.KnownEdition;
import ml.sdn.incubation.editions.KnownEditions;
import ml.sdn.incubation.incubatees.IncubateeQueries;
import ml.sdn.incubation.incubatees.IncubateeViews.IncubateeView;
import ml.sdn.incubation.kpis.Kpis;
import ml.sdn.platform.csv.SpreadsheetCsv;
import ml.sdn.platform.csv.SpreadsheetDownload;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * A cohort's progress as a spreadsheet file (organizers): each incubatee's milestones, sessions, risk and latest
 * indicators, and the cohort's totals. Read from the incubatees' and the indicators' own features, written by none.
 */
@RestController
@PreAuthorize("hasRole('organizer')")
class CohortProgressExportController {

    private final Cohorts cohorts;
    private final KnownEditions editions;
    private final IncubateeQueries incubatees;
    private final Kpis kpis;
    private final Clock clock;

    CohortProgressExportController(Cohorts cohorts, KnownEditions editions, IncubateeQueries incubatees, Kpis kpis,
                                   ObjectProvider<Clock> clock) {
        this.cohorts = cohorts;
        this.editions = editions;
        this.incubatees = incubatees;
        this.kpis = kpis;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Operation(summary = "A cohort's progress as CSV or XLSX (organizers)",
            description = "One line per incubatee (project, organisation, country, category, women-led, status, coach, "
                    + "milestones validated of all, progress %, overdue milestones, coaching sessions, at risk, the latest "
                    + "month's indicators), then the cohort's totals (average progress to one decimal). progress.csv: UTF-8 "
                    + "with a byte-order mark, ';' separators; progress.xlsx: the same rows, figures as numbers; words (French, English with Accept-Language: en), text cells a "
                    + "spreadsheet would evaluate prefixed with '. The first line names the edition, the cohort and when "
                    + "the file was made. 404 for an unknown cohort.")
    @GetMapping("${sdn.service.api-prefix}/cohorts/{id}/progress." + SpreadsheetDownload.FORMAT)
    ResponseEntity<byte[]> export(@PathVariable @Size(max = 64, message = "{incubatee.id.invalid}")
                                  @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{incubatee.id.invalid}") String id,
                                  @PathVariable String format) {
        Cohort cohort = cohorts.find(id).orElseThrow(() -> new NotFoundException("cohort.not-found", id));
        KnownEdition edition = editions.find(cohort.editionId()).orElse(null);
        String editionName = edition == null || edition.number() == null ? ""
                : edition.number() + (edition.year() == null ? "" : " (" + edition.year() + ")");
        List<IncubateeView> all = incubatees.ofCohort(cohort.id());
        CohortProgressCsv.Words words = CohortProgressCsv.Words.of(LocaleContextHolder.getLocale());
        SpreadsheetCsv sheet = CohortProgressCsv.file(editionName, cohort.name(), clock.instant(), all,
                kpis.latestOf(all.stream().map(IncubateeView::id).toList()), words);
        // only server-made parts (the edition's number): nothing typed reaches the header
        String fileName = (words.locale() == Locale.ENGLISH ? "incubation-progress" : "avancement-incubation")
                + (edition == null || edition.number() == null ? "" : "-edition-" + edition.number());
        return SpreadsheetDownload.of(sheet, format, fileName);
    }
}
