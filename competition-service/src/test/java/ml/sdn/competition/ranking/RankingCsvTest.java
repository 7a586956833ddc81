package ml.sdn.competition.ranking;

import ml.sdn.competition.jury.Review;
import ml.sdn.platform.csv.SpreadsheetCsv;
import ml.sdn.platform.csv.SpreadsheetXlsx;
import ml.sdn.testing.XlsxRows;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RankingCsvTest {

    private static final List<Criterion> CRITERIA = List.of(
            new Criterion("innovation", "Innovation", 60),
            new Criterion("impact", "Impact économique", 40));
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String TITLE = RankingCsv.Labels.FRENCH.fileTitle("3 (2026)", "Start-up Challenge", false,
            Instant.parse("2026-12-07T10:20:00Z"));

    /*
     * A: j1 (8, 5.5) → 7.0, j2 (7.5, 6.25) → 7.0: final 7, innovation 7.75, impact 5.875 → "5,88" (half up)
     * B: j1 (6, 6) → 6, j2 (5, 5) → 5: final 5.5, averages 5.5 and 5.5
     * C: j1 (9, 9) → 9 only: not ranked with a minimum of 2
     */
    private static CategoryRanking ranking() {
        return Ranking.rank(CRITERIA,
                List.of(new Candidate("A", T0), new Candidate("B", T0), new Candidate("C", T0)),
                List.of(
                        new Review("A", "j1", Map.of("innovation", 8.0, "impact", 5.5), true),
                        new Review("A", "j2", Map.of("innovation", 7.5, "impact", 6.25), true),
                        new Review("B", "j1", Map.of("innovation", 6.0, "impact", 6.0), true),
                        new Review("B", "j2", Map.of("innovation", 5.0, "impact", 5.0), true),
                        new Review("C", "j1", Map.of("innovation", 9.0, "impact", 9.0), true)),
                new RankingSettings(false, 2));
    }

    @Test
    void opens_in_french_excel_utf8_with_bom_semicolons_and_decimal_commas() {
        byte[] bytes = RankingCsv.bytes(TITLE, ranking(), Map.of("A", "Énergie solaire à Ségou", "B", "Agri", "C", "Eau"),
                RankingCsv.Labels.FRENCH);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(
                "Édition 3 (2026) — Start-up Challenge — classement de la présélection — fichier établi le 7 décembre 2026, 10:20\r\n"
                        + "Rang;Candidature;Titre;Statut;Note finale;Moyenne brute;Moyenne normalisée;Évaluations terminées;"
                        + "Innovation (moyenne);Impact économique (moyenne)\r\n"
                        + "1;A;Énergie solaire à Ségou;classée;7,00;7,00;;2;7,75;5,88\r\n"
                        + "2;B;Agri;classée;5,50;5,50;;2;5,50;5,50\r\n"
                        + ";C;Eau;non classée (évaluations terminées insuffisantes);9,00;9,00;;1;9,00;9,00\r\n");
    }

    @Test
    void quotes_separators_quotes_and_line_breaks() {
        String text = RankingCsv.text(TITLE, ranking(), Map.of("A", "Sol; \"Ségou\"\nphase 2"), RankingCsv.Labels.ENGLISH);

        assertThat(text).contains("1;A;\"Sol; \"\"Ségou\"\"\nphase 2\";ranked;");
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("Rank;Application;Title;");
    }

    @Test
    void text_cells_that_a_spreadsheet_would_evaluate_are_prefixed_with_a_quote() {
        String text = RankingCsv.text(TITLE, ranking(), Map.of(
                "A", "=HYPERLINK(\"http://evil\";\"x\")", "B", "+33 6", "C", "@SUM(A1)"), RankingCsv.Labels.FRENCH);

        assertThat(text).contains("1;A;\"'=HYPERLINK(\"\"http://evil\"\";\"\"x\"\")\";classée;");
        assertThat(text).contains("2;B;'+33 6;classée;");
        assertThat(text).contains(";C;'@SUM(A1);non classée");
        assertThat(RankingCsv.text("-1")).isEqualTo("'-1");
        assertThat(RankingCsv.text("\tx")).isEqualTo("'\tx");
        assertThat(RankingCsv.text("Ségou")).isEqualTo("Ségou");
    }

    @Test
    void criterion_labels_are_guarded_like_any_text() {
        List<Criterion> criteria = List.of(new Criterion("x", "=1+1", 100));
        CategoryRanking ranking = Ranking.rank(criteria, List.of(new Candidate("A", T0)),
                List.of(new Review("A", "j1", Map.of("x", 7.0), true)), new RankingSettings(true, 1));

        String text = RankingCsv.text(TITLE, ranking, Map.of(), RankingCsv.Labels.FRENCH);

        assertThat(text.lines().skip(1).findFirst().orElseThrow()).endsWith(";'=1+1 (moyenne)");
        // one juror with one review keeps the raw total: normalised mean 7
        assertThat(text).contains("1;A;;classée;7,00;7,00;7,00;1;7,00\r\n");
    }

    @Test
    void receipt_numbers_replace_ids_in_the_application_column_when_given_and_are_guarded_too() {
        String text = RankingCsv.text(TITLE, ranking(), Map.of("A", "SDN-2026-0001", "B", "=B"), Map.of("A", "Agri"),
                RankingCsv.Labels.FRENCH);

        assertThat(text).contains("1;SDN-2026-0001;Agri;classée;");
        assertThat(text).contains("2;'=B;;classée;");
        // C has no receipt number: its id stays
        assertThat(text).contains(";C;;non classée");
    }

    @Test
    void the_first_line_names_the_edition_the_category_the_round_and_when_the_file_was_made() {
        String english = RankingCsv.Labels.ENGLISH.fileTitle("3 (2026)", "Project contest", true,
                Instant.parse("2026-12-07T23:05:00Z"));
        String text = RankingCsv.text(english, ranking(), Map.of(), RankingCsv.Labels.ENGLISH);

        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Edition 3 (2026) — Project contest — final ranking — file made on 7 December 2026, 23:05");
        assertThat(lines.get(1)).startsWith("Rank;Application;");
        assertThat(lines).hasSize(5);
    }

    @Test
    void the_xlsx_file_has_the_same_lines_with_ranks_and_scores_as_numbers() {
        SpreadsheetCsv file = RankingCsv.file(TITLE, ranking(), Map.of("A", "SDN-2026-0001"), Map.of("A", "=Agri"),
                RankingCsv.Labels.FRENCH);

        byte[] xlsx = SpreadsheetXlsx.bytes(file, "classement");

        List<List<Object>> rows = XlsxRows.read(xlsx);
        assertThat(rows.get(0)).containsExactly(TITLE);
        assertThat(rows.get(1)).startsWith("Rang", "Candidature", "Titre");
        assertThat(rows.get(2)).containsExactly(new BigDecimal("1"), "SDN-2026-0001", "'=Agri", "classée", new BigDecimal("7"),
                new BigDecimal("7"), "", new BigDecimal("2"), new BigDecimal("7.75"), new BigDecimal("5.88"));
        assertThat(rows.get(4)).startsWith("", "C", "", "non classée (évaluations terminées insuffisantes)", new BigDecimal("9"));
        assertThat(XlsxRows.format(xlsx, 2, 4)).isEqualTo("0.00");
    }
}
