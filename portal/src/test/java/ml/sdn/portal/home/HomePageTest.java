package ml.sdn.portal.home;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
import static org.assertj.core.api.Assertions.assertThat;

class HomePageTest {

    @Test
    void the_results_are_offered_only_once_they_are_published() {
        assertThat(french("home/home", Map.of("edition", edition(false), "categories", List.of())))
                .doesNotContain("Voir les résultats publiés", "/results?edition=");
        assertThat(french("home/home", Map.of("edition", edition(true), "categories", List.of())))
                .contains("Voir les résultats publiés", "href=\"/results?edition=e7\"");
    }

    @Test
    void the_edition_reads_in_words_guest_countries_by_name_and_the_year_without_a_thousands_space() {
        assertThat(french("home/home", Map.of("edition", edition(false), "categories", List.of())))
                .contains("Édition 7 — 2027", "Burkina Faso, Niger")
                .doesNotContain("2 027", "BF, NE");
    }

    private static PublicEdition.Edition edition(boolean resultsPublished) {
        return new PublicEdition.Edition("e7", 7, 2027, LocalDate.of(2027, 11, 22), LocalDate.of(2027, 11, 26),
                "CICB, Bamako", "Le numérique au service de tous", List.of("BF", "NE"), resultsPublished);
    }
}
