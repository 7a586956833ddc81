package ml.sdn.competition.jury;

import ml.sdn.competition.editions.Timeline;
import ml.sdn.platform.csv.SpreadsheetCsv;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A category's jury progress as a spreadsheet file, like the ranking's and the applications': UTF-8 with a
 * byte-order mark, ';' separators, decimal comma in French, every text cell guarded against formula evaluation.
 * Its first line names the edition, the category and when the file was made; then one line per juror: reviews
 * given, scored, still to do, and the share done. Plain Java.
 */
final class JuryProgressCsv {

    /** The words of one language. */
    record Words(List<String> headers, String title, String yes, String no, Locale locale) {

        static final Words FRENCH = new Words(List.of("Juré·e", "Identifiant", "Disponible", "Évaluations attribuées",
                "Notées", "Restantes", "Avancement (%)"), "Édition {0} — {1} — avancement du jury — fichier établi le {2}",
                "oui", "non", Locale.FRENCH);
        static final Words ENGLISH = new Words(List.of("Juror", "Username", "Available", "Reviews given", "Scored",
                "Remaining", "Done (%)"), "Edition {0} — {1} — jury progress — file made on {2}", "yes", "no", Locale.ENGLISH);

        static Words of(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : FRENCH;
        }

        String when(Instant instant) {
            return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).format(instant.atZone(Timeline.BAMAKO));
        }

        /** One decimal, with the language's separator (a comma in French). */
        String percent(long done, long all) {
            if (all == 0) {
                return "";
            }
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(1);
            format.setMaximumFractionDigits(1);
            format.setGroupingUsed(false);
            return format.format(done * 100.0 / all);
        }
    }

    private JuryProgressCsv() {
    }

    static SpreadsheetCsv file(String editionName, String categoryName, Instant madeAt, List<RosterView.Entry> jurors, Words words) {
        SpreadsheetCsv csv = new SpreadsheetCsv();
        csv.row(List.of(SpreadsheetCsv.text(MessageFormat.format(words.title(), editionName, categoryName, words.when(madeAt)))));
        csv.row(words.headers());
        for (RosterView.Entry juror : jurors) {
            long given = juror.pendingReviews() + juror.submittedReviews();
            csv.row(List.of(SpreadsheetCsv.text(juror.displayName()), SpreadsheetCsv.text(juror.username()),
                    juror.available() ? words.yes() : words.no(), Long.toString(given), Long.toString(juror.submittedReviews()),
                    Long.toString(juror.pendingReviews()), words.percent(juror.submittedReviews(), given)));
        }
        return csv;
    }
}
