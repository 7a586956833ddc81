package ml.sdn.competition.applications;

import ml.sdn.competition.editions.CategoryCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationsCsvTest {

    private static ApplicationStatusView row(String title, String organization, boolean womenLed) {
        return new ApplicationStatusView("a1", "SDN4-PRC-0007", title, "c1", CategoryCode.PROJECT_CONTEST, "NE",
                ApplicationStatus.SUBMITTED, Instant.parse("2027-03-20T10:15:00Z"), null, "p1", "Aïssata Maïga", "o1",
                organization, womenLed);
    }

    @Test
    void the_file_names_the_edition_and_its_time_and_says_everything_in_words() {
        String csv = ApplicationsCsv.text("4 (2027)", Instant.parse("2027-04-01T09:00:00Z"),
                List.of(row("Pompes solaires", "Sahel; Solaire", true)), ApplicationsCsv.Words.FRENCH);

        assertThat(csv.split("\r\n")).containsExactly(
                "Édition 4 (2027) — fichier établi le 1 avril 2027, 09:00",
                "Référence;Titre;Catégorie;Pays;Statut;Portée par une femme;Candidat·e;Organisation;Déposée le",
                "SDN4-PRC-0007;Pompes solaires;Concours de projets;Niger;Déposée;oui;Aïssata Maïga;\"Sahel; Solaire\";20 mars 2027, 10:15");
    }

    @Test
    void a_cell_a_spreadsheet_would_evaluate_is_kept_as_text() {
        String csv = ApplicationsCsv.text("4 (2027)", Instant.EPOCH, List.of(row("=1+2", "@SUM(A1)", false)),
                ApplicationsCsv.Words.ENGLISH);

        assertThat(csv).contains(";'=1+2;Project contest;Niger;Submitted;no;Aïssata Maïga;'@SUM(A1);20 March 2027, 10:15");
    }

    @Test
    void the_bytes_begin_with_the_byte_order_mark() {
        byte[] bytes = ApplicationsCsv.bytes("4 (2027)", Instant.EPOCH, List.of(), ApplicationsCsv.Words.FRENCH);

        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Référence;");
    }
}
