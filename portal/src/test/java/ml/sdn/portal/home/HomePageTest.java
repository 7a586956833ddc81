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

    @Test
    void the_year_is_a_year_and_the_city_is_not_said_twice() {
        PublicEdition.Edition edition = new PublicEdition.Edition("e7", 7, 2027, LocalDate.of(2027, 11, 22),
                LocalDate.of(2027, 11, 26), "CICB, Bamako", "Thème", List.of(), false,
                new PublicEdition.Home("Bamako", null, null, List.of(), List.of()));

        String page = french("home/home", Map.of("edition", edition, "categories", List.of()));

        assertThat(page).contains("Édition 7 — 2027").doesNotContain("2 027", "Bamako, Bamako", "map-link");
    }

    @Test
    void with_no_current_edition_the_page_tells_what_the_week_is_and_that_the_next_one_will_be_announced() {
        String page = french("home/home", Map.of());

        assertThat(page).contains("semaine nationale du numérique du Mali", "La prochaine édition n&#39;est pas encore annoncée",
                "Prix spécial pour la meilleure initiative portée par une femme");
    }

    @Test
    void the_home_page_tells_the_venue_prizes_who_may_enter_questions_and_contact_in_the_reader_language() {
        PublicEdition.Text text = new PublicEdition.Text("Start-up et PME de l'AES", "Start-ups and SMEs of the AES");
        PublicEdition.Home home = new PublicEdition.Home("Bamako", "https://www.openstreetmap.org/#map=17/12.6392/-8.0029",
                new PublicEdition.Text("Écrivez à contact@sdn.ml\nou appelez le 20 22 00 00", "Write to contact@sdn.ml"),
                List.of(new PublicEdition.HomeCategory("START_UP_CHALLENGE", new PublicEdition.Text("1er prix : 5 000 000 FCFA",
                        "1st prize: 5,000,000 FCFA"), text)),
                List.of(new PublicEdition.Question(new PublicEdition.Text("Est-ce gratuit ?", "Is it free?"),
                        new PublicEdition.Text("Oui, la participation est gratuite.", "Yes, taking part is free."))));
        PublicEdition.Edition edition = new PublicEdition.Edition("e7", 7, 2027, LocalDate.of(2027, 11, 22),
                LocalDate.of(2027, 11, 26), "CICB", "Le numérique au service de tous", List.of(), false, home);
        List<PublicEdition.Category> categories = List.of(new PublicEdition.Category("c1", "START_UP_CHALLENGE",
                new PublicEdition.Text("Start-up Challenge", "Start-up Challenge"), List.of("START_UP", "SME"), List.of(),
                List.of(), null), new PublicEdition.Category("c2", "PROJECT_CONTEST",
                new PublicEdition.Text("Concours de projets", "Project contest"), List.of("PROJECT_TEAM"), List.of(), List.of(), null));

        String french = french("home/home", Map.of("edition", edition, "categories", categories));
        String english = ml.sdn.portal.participant.PageRendering.render("home/home",
                Map.of("edition", edition, "categories", categories), null, java.util.Locale.ENGLISH);

        assertThat(french).contains("CICB</span>, Bamako", "href=\"https://www.openstreetmap.org/#map=17/12.6392/-8.0029\"",
                "Voir le lieu sur la carte", "Qui peut participer", "Start-up et PME de l&#39;AES", "1er prix : 5 000 000 FCFA",
                "Questions fréquentes", "<summary>Est-ce gratuit ?</summary>", "Oui, la participation est gratuite.",
                "Nous joindre", "Écrivez à contact@sdn.ml\nou appelez").doesNotContain("Is it free?");
        assertThat(french.indexOf("1er prix")).as("the prizes sit in their own category").isLessThan(french.indexOf("Concours de projets"));
        assertThat(english).contains("See the venue on the map", "Who may enter", "Start-ups and SMEs of the AES",
                "1st prize: 5,000,000 FCFA", "<summary>Is it free?</summary>", "Write to contact@sdn.ml")
                .doesNotContain("Est-ce gratuit");
    }

    @Test
    void the_edition_reads_in_words_guest_countries_by_name_and_the_year_without_a_thousands_space() {
        assertThat(french("home/home", Map.of("edition", edition(false), "categories", List.of())))
                .contains("Édition 7 — 2027", "Burkina Faso, Niger")
                .doesNotContain("2 027", "BF, NE");
    }

    private static PublicEdition.Edition edition(boolean resultsPublished) {
        return new PublicEdition.Edition("e7", 7, 2027, LocalDate.of(2027, 11, 22), LocalDate.of(2027, 11, 26),
                "CICB, Bamako", "Le numérique au service de tous", List.of("BF", "NE"), resultsPublished, null);
    }
}
