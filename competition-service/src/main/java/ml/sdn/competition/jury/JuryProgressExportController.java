package ml.sdn.competition.jury;

import io.swagger.v3.oas.annotations.Operation;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Editions;
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

/** The jury's progress as a spreadsheet file (organizers): a category's, or every category's of an edition. */
@RestController
@PreAuthorize("hasRole('organizer')")
class JuryProgressExportController {

    private final JuryRosters rosters;
    private final Editions editions;
    private final Clock clock;

    JuryProgressExportController(JuryRosters rosters, Editions editions, ObjectProvider<Clock> clock) {
        this.rosters = rosters;
        this.editions = editions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(summary = "A category's jury progress as CSV or XLSX (organizers)",
            description = "One line per juror: reviews given, scored, remaining, share done (one decimal). jurors.csv: UTF-8 "
                    + "with a byte-order mark, ';' separators; jurors.xlsx: the same rows, counts as numbers. Words in French, "
                    + "English with Accept-Language: en; text cells a spreadsheet would evaluate prefixed with '. The first "
                    + "line names the edition, the category and when the file was made. 404 for an unknown category.")
    @GetMapping("${sdn.service.api-prefix}/categories/{id}/jurors." + SpreadsheetDownload.FORMAT)
    ResponseEntity<byte[]> category(@PathVariable String id, @PathVariable String format) {
        RosterView roster = rosters.read(id);
        Category category = editions.findCategory(roster.categoryId()).orElseThrow();
        Edition edition = editions.find(category.editionId()).orElse(null);
        JuryProgressCsv.Words words = JuryProgressCsv.Words.of(LocaleContextHolder.getLocale());
        var sheet = JuryProgressCsv.file(edition == null ? "" : edition.label(), category.nameIn(words.locale()),
                clock.instant(), roster.jurors(), words);
        // only server-made parts (the edition's number, the category's code): nothing typed reaches the header
        String fileName = fileName(words) + "-" + category.code().name().toLowerCase(Locale.ROOT)
                + (edition == null ? "" : "-edition-" + edition.number());
        return SpreadsheetDownload.of(sheet, format, fileName);
    }

    @Operation(summary = "The jury progress of every category of an edition as CSV or XLSX (organizers)",
            description = "The category's file's lines for each category of the edition in the order of their codes, each "
                    + "line starting with the category's name; a juror of two categories has a line in each. The first line "
                    + "names the edition and when the file was made. 404 for an unknown edition.")
    @GetMapping("${sdn.service.api-prefix}/editions/{id}/jurors." + SpreadsheetDownload.FORMAT)
    ResponseEntity<byte[]> edition(@PathVariable String id, @PathVariable String format) {
        Edition edition = editions.find(id).orElseThrow(() -> new NotFoundException("selection.edition.not-found", id));
        JuryProgressCsv.Words words = JuryProgressCsv.Words.of(LocaleContextHolder.getLocale());
        List<JuryProgressCsv.CategoryJury> categories = editions.categoriesOf(edition).stream()
                .map(category -> new JuryProgressCsv.CategoryJury(category.nameIn(words.locale()),
                        rosters.read(category.id()).jurors()))
                .toList();
        var sheet = JuryProgressCsv.edition(edition.label(), clock.instant(), categories, words);
        return SpreadsheetDownload.of(sheet, format, fileName(words) + "-edition-" + edition.number());
    }

    private static String fileName(JuryProgressCsv.Words words) {
        return words.locale() == Locale.ENGLISH ? "jury-progress" : "avancement-jury";
    }
}
