package ml.sdn.portal.badges;

import ml.sdn.portal.participant.PageRendering;
import ml.sdn.portal.web.CurrentUser;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BadgesPageTest {

    private static final LocalDate DAY_ONE = LocalDate.of(2026, 1, 29);

    private static Map<String, Object> model(String base, BadgesController.Choice choice) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", new CurrentUser("id-o", "organizer-ml", "Organisation Mali", "organizer-ml@demo.sdn.ml", "ML",
                Set.of("organizer"), "t"));
        model.put("base", base);
        model.put("days", List.of(DAY_ONE, DAY_ONE.plusDays(1)));
        model.put("delegations", BadgesController.DELEGATIONS);
        model.put("layouts", BadgesController.LAYOUTS);
        model.put("categories", BadgesController.CATEGORIES);
        model.put("choice", choice);
        return model;
    }

    @Test
    void an_organizer_chooses_the_day_in_words_a_delegation_by_name_and_a_layout_in_a_plain_get_form() {
        String page = PageRendering.render("badges/badges",
                model("/organizer", new BadgesController.Choice("2026-01-30", "BF", "single", "PRESS")), null, Locale.FRENCH);

        assertThat(page).contains("Imprimer les badges", "action=\"/organizer/badges/badges.pdf\"", "method=\"get\"",
                "jeudi 29 janvier 2026", "vendredi 30 janvier 2026", "Toutes les délégations", "Burkina Faso", "Mali",
                "Niger", "Quatre badges par feuille A4", "Un badge par page", "Télécharger les badges (PDF)",
                "href=\"/organizer\"");
        assertThat(page).containsPattern("<option value=\"2026-01-30\" selected=\"selected\">vendredi 30 janvier 2026</option>")
                .containsPattern("value=\"BF\" selected=\"selected\"")
                .containsPattern("id=\"layout-single\"[^>]*checked=\"checked\"")
                .contains("Toutes les catégories", "<option value=\"SPEAKER\">Intervenant</option>",
                        "<option value=\"PRESS\" selected=\"selected\">Presse</option>");
        assertThat(page).doesNotContain("??", ">BF<", ">ML<", ">PRESS<");
    }

    @Test
    void the_page_in_english_with_the_services_refusal_next_to_the_field() {
        Map<String, Object> model = model("/organizer", new BadgesController.Choice("2026-01-29", "", null, null));
        model.put("problem", "Nobody holds a confirmed place that day (in this delegation): no badge to print.");
        model.put("fieldErrors", Map.of("layout", "the layout is \"sheet\" or \"single\""));

        String page = PageRendering.render("badges/badges", model, null, Locale.ENGLISH);

        assertThat(page).contains("Print badges", "Thursday 29 January 2026", "All delegations", "Four badges per A4 sheet", "All categories", ">Press<",
                "Download the badges (PDF)", "no badge to print", "id=\"layout-error\"");
        assertThat(page).containsPattern("id=\"layout-sheet\"[^>]*checked=\"checked\"");
        assertThat(page).doesNotContain("??");
    }

    @Test
    void a_coordinators_page_has_no_delegation_choice_and_says_it_prints_their_own() {
        String page = PageRendering.french("badges/badges",
                model("/coordinator", new BadgesController.Choice("2026-01-29", null, null, null)));

        assertThat(page).contains("action=\"/coordinator/badges/badges.pdf\"", "Les badges de votre délégation seulement.",
                "href=\"/coordinator\"");
        assertThat(page).doesNotContain("name=\"country\"");
    }

    @Test
    void with_no_open_day_the_page_says_so_and_has_no_form() {
        Map<String, Object> model = model("/organizer", new BadgesController.Choice(null, null, null, null));
        model.put("days", List.of());

        String page = PageRendering.french("badges/badges", model);

        assertThat(page).contains("id=\"no-days\"").doesNotContain("badges-form");
    }
}
