package ml.sdn.competition.ranking;

import ml.sdn.platform.csv.SpreadsheetCsv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A category ranking as a CSV file that French spreadsheets open correctly (decision 0006):
 * <ul>
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

    /** Column headers and status words, in the reader's language. */
    public record Labels(String rank, String application, String title, String status, String ranked,
                         String notRanked, String finalScore, String rawMean, String normalisedMean,
                         String completedReviews, String criterionAverage) {

        /** {@code criterionAverage} is a pattern: {@code {0}} is replaced by the criterion's label. */
        public static final Labels FRENCH = new Labels("Rang", "Candidature", "Titre", "Statut", "classée",
                "non classée (évaluations terminées insuffisantes)", "Note finale", "Moyenne brute",
                "Moyenne normalisée", "Évaluations terminées", "{0} (moyenne)");
        public static final Labels ENGLISH = new Labels("Rank", "Application", "Title", "Status", "ranked",
                "not ranked (too few completed reviews)", "Final score", "Raw mean", "Normalised mean",
                "Completed reviews", "{0} (average)");
    }


    private RankingCsv() {
    }

    /**
     * @param titles application id → title (user text); a missing title gives an empty cell
     * @return the file's bytes: BOM then UTF-8 text
     */
    public static byte[] bytes(CategoryRanking ranking, Map<String, String> titles, Labels labels) {
        return bytes(ranking, Map.of(), titles, labels);
    }

    /**
     * @param references application id → receipt number, shown in the application column instead of the
     *                   id (the id when an application has none)
     */
    public static byte[] bytes(CategoryRanking ranking, Map<String, String> references, Map<String, String> titles,
                               Labels labels) {
        return file(ranking, references, titles, labels).bytes();
    }

    /** The file's text, without the BOM. */
    public static String text(CategoryRanking ranking, Map<String, String> titles, Labels labels) {
        return text(ranking, Map.of(), titles, labels);
    }

    /** The file's text, without the BOM, with receipt numbers in the application column. */
    public static String text(CategoryRanking ranking, Map<String, String> references, Map<String, String> titles,
                              Labels labels) {
        return file(ranking, references, titles, labels).text();
    }

    private static SpreadsheetCsv file(CategoryRanking ranking, Map<String, String> references, Map<String, String> titles,
                                       Labels labels) {
        SpreadsheetCsv csv = new SpreadsheetCsv();
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
            List<String> cells = new ArrayList<>();
            cells.add(s.rank() == null ? "" : Integer.toString(s.rank()));
            cells.add(text(references.getOrDefault(s.applicationId(), s.applicationId())));
            cells.add(text(titles.getOrDefault(s.applicationId(), "")));
            cells.add(text(s.ranked() ? labels.ranked() : labels.notRanked()));
            cells.add(number(s.finalScore()));
            cells.add(number(s.rawMean()));
            cells.add(number(s.normalisedMean()));
            cells.add(Integer.toString(s.completedReviews()));
            for (Criterion c : ranking.criteria()) {
                cells.add(number(s.criterionAverages().get(c.id())));
            }
            csv.row(cells);
        }
        return csv;
    }

    /** Two decimals, half up, decimal comma; empty when there is no value. */
    static String number(Double value) {
        if (value == null) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    /** Guards a text cell against formula evaluation (the platform's {@link SpreadsheetCsv#text}). */
    public static String text(String value) {
        return SpreadsheetCsv.text(value);
    }
}
