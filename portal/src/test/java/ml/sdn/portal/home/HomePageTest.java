package ml.sdn.portal.home;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
import static ml.sdn.portal.participant.PageRendering.render;
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
    void after_signing_out_the_home_page_says_so_in_the_persons_language() {
        Map<String, Object> model = Map.of("edition", edition(false), "categories", List.of());

        assertThat(french("home/home", model)).doesNotContain("Vous êtes déconnecté");
        assertThat(render("home/home", model, "signedOut", Locale.FRENCH)).contains("Vous êtes déconnecté");
        assertThat(render("home/home", model, "signedOut", Locale.ENGLISH)).contains("You are signed out");
    }

    private static PublicEdition.Edition edition(boolean resultsPublished) {
        return new PublicEdition.Edition("e7", 7, 2027, LocalDate.of(2027, 11, 22), LocalDate.of(2027, 11, 26),
                "CICB, Bamako", "Le numérique au service de tous", List.of("BF", "NE"), resultsPublished);
    }
}
