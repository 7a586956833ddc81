package ml.sdn.competition.jury;

import io.swagger.v3.oas.annotations.Operation;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.Edition;
import ml.sdn.competition.editions.Editions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

/** A category's jury progress as a spreadsheet file (organizers), beside the roster it is read from. */
@RestController
@PreAuthorize("hasRole('organizer')")
class JuryProgressExportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final JuryRosters rosters;
    private final Editions editions;
    private final Clock clock;

    JuryProgressExportController(JuryRosters rosters, Editions editions, ObjectProvider<Clock> clock) {
        this.rosters = rosters;
        this.editions = editions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(summary = "A category's jury progress as CSV (organizers)",
            description = "One line per juror: reviews given, scored, remaining, share done (one decimal). UTF-8 with a "
                    + "byte-order mark, ';' separators, words (French, English with Accept-Language: en), text cells a "
                    + "spreadsheet would evaluate prefixed with '. The first line names the edition, the category and when "
                    + "the file was made. 404 for an unknown category.")
    @GetMapping("${sdn.service.api-prefix}/categories/{id}/jurors.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id) {
        RosterView roster = rosters.read(id);
        Category category = editions.findCategory(roster.categoryId()).orElseThrow();
        Edition edition = editions.find(category.editionId()).orElse(null);
        JuryProgressCsv.Words words = JuryProgressCsv.Words.of(LocaleContextHolder.getLocale());
        boolean english = words.locale() == Locale.ENGLISH;
        String categoryName = category.name() == null ? category.code().name()
                : english && category.name().en() != null ? category.name().en() : category.name().fr();
        String editionName = edition == null ? "" : edition.number() + " (" + edition.year() + ")";
        byte[] bytes = JuryProgressCsv.file(editionName, categoryName, clock.instant(), roster.jurors(), words).bytes();
        // only server-made parts (the edition's number, the category's code): nothing typed reaches the header
        String fileName = (english ? "jury-progress-" : "avancement-jury-") + category.code().name().toLowerCase(Locale.ROOT)
                + (edition == null ? "" : "-edition-" + edition.number()) + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }
}
