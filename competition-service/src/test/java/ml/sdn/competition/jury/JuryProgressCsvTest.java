package ml.sdn.competition.jury;

import ml.sdn.platform.csv.SpreadsheetXlsx;
import ml.sdn.testing.XlsxRows;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JuryProgressCsvTest {

    private static final List<RosterView.Entry> JURORS = List.of(
            new RosterView.Entry("j1", "jury-ml", "Aminata Traoré", 1, true, 1, 2),
            new RosterView.Entry("j2", "jury-ne", "=HYPERLINK(\"x\")", 0, false, 0, 0));

    @Test
    void each_juror_has_their_reviews_given_scored_and_remaining_and_the_share_done_with_a_decimal_comma() {
        String csv = JuryProgressCsv.file("4 (2027)", "Concours de projets", Instant.parse("2027-04-01T09:00:00Z"), JURORS,
                JuryProgressCsv.Words.FRENCH).text();

        assertThat(csv.split("\r\n")).containsExactly(
                "Édition 4 (2027) — Concours de projets — avancement du jury — fichier établi le 1 avril 2027, 09:00",
                "Juré·e;Identifiant;Disponible;Évaluations attribuées;Notées;Restantes;Avancement (%)",
                "Aminata Traoré;jury-ml;oui;3;2;1;66,7",
                "\"'=HYPERLINK(\"\"x\"\")\";jury-ne;non;0;0;0;");
    }

    @Test
    void in_english_the_words_and_the_decimal_point_are_english_and_the_bytes_begin_with_the_byte_order_mark() {
        var file = JuryProgressCsv.file("4 (2027)", "Project contest", Instant.EPOCH, JURORS, JuryProgressCsv.Words.ENGLISH);

        assertThat(file.text()).contains("Edition 4 (2027) — Project contest — jury progress — file made on 1 January 1970, 00:00",
                "Juror;Username;Available;Reviews given;Scored;Remaining;Done (%)", "Aminata Traoré;jury-ml;yes;3;2;1;66.7");
        assertThat(file.bytes()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    }

    @Test
    void the_editions_file_has_every_categorys_jurors_each_line_after_its_category() {
        var file = JuryProgressCsv.edition("4 (2027)", Instant.parse("2027-04-01T09:00:00Z"), List.of(
                new JuryProgressCsv.CategoryJury("Start-up Challenge", JURORS.subList(0, 1)),
                new JuryProgressCsv.CategoryJury("=Concours", JURORS)), JuryProgressCsv.Words.FRENCH);

        assertThat(file.text().split("\r\n")).containsExactly(
                "Édition 4 (2027) — avancement du jury de toutes les catégories — fichier établi le 1 avril 2027, 09:00",
                "Catégorie;Juré·e;Identifiant;Disponible;Évaluations attribuées;Notées;Restantes;Avancement (%)",
                "Start-up Challenge;Aminata Traoré;jury-ml;oui;3;2;1;66,7",
                "'=Concours;Aminata Traoré;jury-ml;oui;3;2;1;66,7",
                "'=Concours;\"'=HYPERLINK(\"\"x\"\")\";jury-ne;non;0;0;0;");
        List<List<Object>> rows = XlsxRows.read(SpreadsheetXlsx.bytes(file, "avancement-jury"));
        assertThat(rows.get(2)).containsExactly("Start-up Challenge", "Aminata Traoré", "jury-ml", "oui", new BigDecimal("3"),
                new BigDecimal("2"), new BigDecimal("1"), new BigDecimal("66.7"));
    }
}
