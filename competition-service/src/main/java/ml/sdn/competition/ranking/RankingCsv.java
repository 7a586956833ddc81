package ml.sdn.competition.ranking;

import ml.sdn.platform.csv.SpreadsheetCsv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A category ranking as a CSV file that French spreadsheets open correctly (decision 0006):
 * <ul>
 *   <li>a first line naming the edition, the category, the round and when the file was made
 *       ({@link Labels#title});</li>
 *   <li>UTF-8 with a byte-order mark (so Excel does not read accents as Windows-1252), {@code ;} as the
 *       separator, CRLF line ends, and a <b>decimal comma</b> with two decimals ({@code 7,25}), which
 *       French Excel reads as a number;</li>
 *   <li>one row per application: ranked ones in rank order, then the not-ranked ones (empty rank,
 *       status says why); columns rank, application (its receipt number when given, else its id), title,
 *       status, final score, raw mean, normalised mean (empty when normalisation is off), completed
 *       reviews, then the average of each criterion in the category's order;</li>
 *   <li>a cell holding {@code ;}, {@code "}, CR or LF is quoted, its quotes doubled;</li>
 *   <li>a text cell starting with {@code = + - @}, tab or CR gets a leading {@code '}, so that a
 *       spreadsheet shows a title such as {@code =HYPERLINK(…)} as text instead of evaluating it.</li>
 * </ul>
 */
public final class RankingCsv {

    /**
     * Column headers, status words and the first line, in the reader's language. {@code criterionAverage} is a
     * pattern: {@code {0}} is replaced by the criterion's label; {@code fileTitle} names the edition {@code {0}},
     * the category {@code {1}}, the round {@code {2}} ({@code preselection} or {@code finalRound}) and when the
     * file was made {@code {3}}.
     */
    public record Labels(String rank, String application, String title, String status, String ranked,
                         String notRanked, String finalScore, String rawMean, String normalisedMean,
                         String completedReviews, String criterionAverage, String fileTitle, String preselection,
                         String finalRound, Locale locale) {

        public static final Labels FRENCH = new Labels("Rang", "Candidature", "Titre", "Statut", "classée",
                "non classée (évaluations terminées insuffisantes)", "Note finale", "Moyenne brute",
                "Moyenne normalisée", "Évaluations terminées", "{0} (moyenne)",
                "Édition {0} — {1} — classement de la {2} — fichier établi le {3}", "présélection", "finale",
                Locale.FRENCH);
        public static final Labels ENGLISH = new Labels("Rank", "Application", "Title", "Status", "ranked",
                "not ranked (too few completed reviews)", "Final score", "Raw mean", "Normalised mean",
                "Completed reviews", "{0} (average)", "Edition {0} — {1} — {2} ranking — file made on {3}",
                "preselection", "final", Locale.ENGLISH);

        /** The first line: {@code final} tells the final round from the preselection. */
        public String fileTitle(String editionName, String categoryName, boolean finalRound, Instant madeAt) {
            return MessageFormat.format(fileTitle, editionName, categoryName,
                    finalRound ? this.finalRound : preselection, SpreadsheetCsv.madeOn(madeAt, locale));
        }
    }


    private RankingCsv() {
    }

    /**
     * @param fileTitle  the first line ({@link Labels#fileTitle})
     * @param references application id → receipt number, shown in the application column instead of the
     *                   id (the id when an application has none)
     * @param titles     application id → title (user text); a missing title gives an empty cell
     */
    public static SpreadsheetCsv file(String fileTitle, CategoryRanking ranking, Map<String, String> references,
                                      Map<String, String> titles, Labels labels) {
        SpreadsheetCsv csv = SpreadsheetCsv.titled(fileTitle);
        List<String> header = new ArrayList<>(List.of(labels.rank(), labels.application(), labels.title(),
                labels.status(), labels.finalScore(), labels.rawMean(), labels.normalisedMean(),
                labels.completedReviews()));
        for (Criterion c : ranking.criteria()) {
            header.add(labels.criterionAverage().replace("{0}", c.label()));
        }
        csv.row(header.stream().map(RankingCsv::text).toList());
        List<ApplicationScore> all = new ArrayList<>(ranking.ranked());
        all.addAll(ranking.notRanked());
        for (ApplicationScore s : all) {
            List<Object> cells = new ArrayList<>();
            cells.add(s.rank() == null ? "" : SpreadsheetCsv.figure(s.rank()));
            cells.add(text(references.getOrDefault(s.applicationId(), s.applicationId())));
            cells.add(text(titles.getOrDefault(s.applicationId(), "")));
            cells.add(text(s.ranked() ? labels.ranked() : labels.notRanked()));
            cells.add(number(s.finalScore()));
            cells.add(number(s.rawMean()));
            cells.add(number(s.normalisedMean()));
            cells.add(SpreadsheetCsv.figure(s.completedReviews()));
            for (Criterion c : ranking.criteria()) {
                cells.add(number(s.criterionAverages().get(c.id())));
            }
            csv.row(cells);
        }
        return csv;
    }

    /** The file's bytes: BOM then UTF-8 text. */
    public static byte[] bytes(String fileTitle, CategoryRanking ranking, Map<String, String> titles, Labels labels) {
        return file(fileTitle, ranking, Map.of(), titles, labels).bytes();
    }

    /** The file's text, without the BOM. */
    public static String text(String fileTitle, CategoryRanking ranking, Map<String, String> titles, Labels labels) {
        return text(fileTitle, ranking, Map.of(), titles, labels);
    }

    /** The file's text, without the BOM, with receipt numbers in the application column. */
    public static String text(String fileTitle, CategoryRanking ranking, Map<String, String> references,
                              Map<String, String> titles, Labels labels) {
        return file(fileTitle, ranking, references, titles, labels).text();
    }

    /** Two decimals, half up: shown with a decimal comma, a number in XLSX; empty when there is no value. */
    static Object number(Double value) {
        if (value == null) {
            return "";
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        return SpreadsheetCsv.figure(rounded.toPlainString().replace('.', ','), rounded);
    }
    /** Guards a text cell against formula evaluation (the platform's {@link SpreadsheetCsv#text}). */
    public static String text(String value) {
        return SpreadsheetCsv.text(value);
    }
}
