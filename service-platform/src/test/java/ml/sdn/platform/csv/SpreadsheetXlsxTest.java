package ml.sdn.platform.csv;

import ml.sdn.testing.XlsxRows;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetXlsxTest {

    private static SpreadsheetCsv sheet() {
        return SpreadsheetCsv.titled("Édition 3 (2026) — fichier établi le "
                        + SpreadsheetCsv.madeOn(Instant.parse("2026-12-07T10:20:00Z"), Locale.FRENCH))
                .textRow(List.of("Titre", "Note", "Évaluations"))
                .row(List.of(SpreadsheetCsv.text("=HYPERLINK(\"http://evil\";\"x\")"),
                        SpreadsheetCsv.figure("7,25", new BigDecimal("7.25")), SpreadsheetCsv.figure(2)))
                .row(List.of(SpreadsheetCsv.text("+223 Agri"), SpreadsheetCsv.figure("", null), SpreadsheetCsv.figure(100)));
    }

    @Test
    void the_first_line_names_what_the_file_holds_and_when_it_was_made_in_bamako_time() {
        assertThat(sheet().text().lines().findFirst().orElseThrow())
                .isEqualTo("Édition 3 (2026) — fichier établi le 7 décembre 2026, 10:20");
        assertThat(SpreadsheetCsv.madeOn(Instant.parse("2026-12-07T23:05:00Z"), Locale.ENGLISH)).isEqualTo("7 December 2026, 23:05");
    }

    @Test
    void the_csv_writes_figures_as_shown_and_text_guarded() {
        assertThat(sheet().text()).contains("\"'=HYPERLINK(\"\"http://evil\"\";\"\"x\"\")\";7,25;2\r\n", "'+223 Agri;;100\r\n");
    }

    @Test
    void the_xlsx_holds_the_same_rows_with_numbers_as_numbers_and_text_as_typed() {
        byte[] xlsx = SpreadsheetXlsx.bytes(sheet(), "classement");

        List<List<Object>> rows = XlsxRows.read(xlsx);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsExactly("Édition 3 (2026) — fichier établi le 7 décembre 2026, 10:20");
        assertThat(rows.get(1)).containsExactly("Titre", "Note", "Évaluations");
        // text, never a formula, guarded as in the CSV file
        assertThat(rows.get(2)).containsExactly("'=HYPERLINK(\"http://evil\";\"x\")", new BigDecimal("7.25"), new BigDecimal("2"));
        assertThat(rows.get(3)).containsExactly("'+223 Agri", "", new BigDecimal("100"));
        assertThat(XlsxRows.format(xlsx, 2, 1)).isEqualTo("0.00");
    }

    @Test
    void sheet_names_excel_refuses_are_made_acceptable() {
        byte[] xlsx = SpreadsheetXlsx.bytes(new SpreadsheetCsv().textRow(List.of("x")),
                "avancement-jury-start_up_challenge-edition-12/[x]");

        assertThat(XlsxRows.read(xlsx)).containsExactly(List.of("x"));
    }
}
