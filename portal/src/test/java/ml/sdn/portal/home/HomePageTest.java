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
    void with_no_current_edition_the_page_tells_what_the_week_is_and_that_the_next_one_will_be_announced() {
        String page = french("home/home", Map.of());

        assertThat(page).contains("semaine nationale du numérique du Mali", "La prochaine édition n&#39;est pas encore annoncée",
                "Prix spécial pour la meilleure initiative portée par une femme");
    }

    private static PublicEdition.Edition edition(boolean resultsPublished) {
        return new PublicEdition.Edition("e7", 7, 2027, LocalDate.of(2027, 11, 22), LocalDate.of(2027, 11, 26),
                "CICB, Bamako", "Le numérique au service de tous", List.of("BF", "NE"), resultsPublished);
    }
}
