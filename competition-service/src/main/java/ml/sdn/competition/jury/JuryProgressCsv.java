package ml.sdn.competition.jury;

import ml.sdn.platform.csv.SpreadsheetCsv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A category's jury progress as a spreadsheet file, like the ranking's and the applications': UTF-8 with a
 * byte-order mark, ';' separators, decimal comma in French, every text cell guarded against formula evaluation.
 * Its first line names the edition, the category and when the file was made; then one line per juror: reviews
 * given, scored, still to do, and the share done (numbers in XLSX). The edition's file holds every category's
 * lines, each with its category. Plain Java.
 */
final class JuryProgressCsv {

    /** The words of one language. */
    record Words(List<String> headers, String title, String editionTitle, String category, String yes, String no,
                 Locale locale) {

        static final Words FRENCH = new Words(List.of("Juré·e", "Identifiant", "Disponible", "Évaluations attribuées",
                "Notées", "Restantes", "Avancement (%)"), "Édition {0} — {1} — avancement du jury — fichier établi le {2}",
                "Édition {0} — avancement du jury de toutes les catégories — fichier établi le {1}", "Catégorie",
                "oui", "non", Locale.FRENCH);
        static final Words ENGLISH = new Words(List.of("Juror", "Username", "Available", "Reviews given", "Scored",
                "Remaining", "Done (%)"), "Edition {0} — {1} — jury progress — file made on {2}",
                "Edition {0} — jury progress of every category — file made on {1}", "Category", "yes", "no", Locale.ENGLISH);

        static Words of(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : FRENCH;
        }

        /** One decimal, with the language's separator (a comma in French); a number in XLSX. */
        Object percent(long done, long all) {
            if (all == 0) {
                return "";
            }
            BigDecimal share = BigDecimal.valueOf(done * 100.0 / all).setScale(1, RoundingMode.HALF_EVEN);
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(1);
            format.setMaximumFractionDigits(1);
            format.setGroupingUsed(false);
            return SpreadsheetCsv.figure(format.format(share), share);
        }
    }

    private JuryProgressCsv() {
    }

    /** One category's jury. */
    static SpreadsheetCsv file(String editionName, String categoryName, Instant madeAt, List<RosterView.Entry> jurors, Words words) {
        SpreadsheetCsv csv = SpreadsheetCsv.titled(MessageFormat.format(words.title(), editionName, categoryName,
                SpreadsheetCsv.madeOn(madeAt, words.locale())));
        csv.row(words.headers());
        jurors.forEach(juror -> csv.row(cells(juror, words)));
        return csv;
    }

    /** A category's name (as organizers named it, in the reader's language) and its jury. */
    record CategoryJury(String categoryName, List<RosterView.Entry> jurors) {
    }

    /**
     * Every category's jury of an edition in one file: the same lines as a category's file, each after the
     * category's name; a juror of two categories has a line in each.
     */
    static SpreadsheetCsv edition(String editionName, Instant madeAt, List<CategoryJury> categories, Words words) {
        SpreadsheetCsv csv = SpreadsheetCsv.titled(MessageFormat.format(words.editionTitle(), editionName,
                SpreadsheetCsv.madeOn(madeAt, words.locale())));
        List<String> headers = new ArrayList<>(List.of(words.category()));
        headers.addAll(words.headers());
        csv.row(headers);
        for (CategoryJury category : categories) {
            for (RosterView.Entry juror : category.jurors()) {
                List<Object> cells = new ArrayList<>(List.of(SpreadsheetCsv.text(category.categoryName())));
                cells.addAll(cells(juror, words));
                csv.row(cells);
            }
        }
        return csv;
    }

    private static List<Object> cells(RosterView.Entry juror, Words words) {
        long given = juror.pendingReviews() + juror.submittedReviews();
        return List.of(SpreadsheetCsv.text(juror.displayName()), SpreadsheetCsv.text(juror.username()),
                juror.available() ? words.yes() : words.no(), SpreadsheetCsv.figure(given),
                SpreadsheetCsv.figure(juror.submittedReviews()), SpreadsheetCsv.figure(juror.pendingReviews()),
                words.percent(juror.submittedReviews(), given));
    }
}
