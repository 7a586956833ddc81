package ml.sdn.portal.doors;

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

class DoorFiguresPageTest {

    private static final LocalDate DAY_ONE = LocalDate.of(2026, 1, 29);

    private static Map<String, Object> model(String base, DoorFigures figures) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", new CurrentUser("id-o", "organizer-bf", "Organisation Burkina", "organizer-bf@demo.sdn.ml", "BF",
                Set.of("organizer"), "t"));
        model.put("base", base);
        model.put("days", List.of(new DoorFigures.Day(DAY_ONE), new DoorFigures.Day(DAY_ONE.plusDays(1))));
        model.put("day", DAY_ONE);
        if (figures != null) {
            model.put("figures", figures);
            model.put("refreshSeconds", DoorFiguresController.REFRESH_SECONDS);
        }
        return model;
    }

    private static DoorFigures figures() {
        return new DoorFigures(DAY_ONE, 120, 75, 45,
                List.of(new DoorFigures.Door("A", 50), new DoorFigures.Door("Nord", 25)),
                List.of(new DoorFigures.Delegation("BF", 40, 30), new DoorFigures.Delegation("ML", 60, 40),
                        new DoorFigures.Delegation("NE", 20, 5)),
                List.of(new DoorFigures.Category("PARTICIPANT", 100, 60), new DoorFigures.Category("PRESS", 20, 15)),
                List.of());
    }

    @Test
    void people_checked_in_at_two_doors_are_listed_for_organizers_with_the_doors_and_times_in_words() {
        DoorFigures plain = figures();
        DoorFigures withConflict = new DoorFigures(plain.day(), plain.confirmed(), plain.checkedIn(), plain.notYetIn(),
                plain.doors(), plain.delegations(), plain.categories(), List.of(new DoorFigures.Conflict("Awa Traoré", "ML", "A",
                java.time.Instant.parse("2026-01-29T09:12:00Z"),
                List.of(new DoorFigures.Seen("B", java.time.Instant.parse("2026-01-29T09:40:00Z"))))));

        String french = PageRendering.french("doors/figures", model("/organizer", withConflict));
        String english = PageRendering.render("doors/figures", model("/organizer", withConflict), null, Locale.ENGLISH);
        String none = PageRendering.french("doors/figures", model("/organizer", plain));

        assertThat(french).contains("Entrées à deux portes", "Awa Traoré", "Mali", "comptée porte A à 09:12",
                "vue aussi porte B à 09:40");
        assertThat(english).contains("Checked in at two doors", "counted at door A at 09:12", "also seen at door B at 09:40");
        assertThat(none).doesNotContain("id=\"conflicts\"");
    }

    @Test
    void the_figures_in_french_with_days_and_countries_in_words_refreshing_every_30_seconds() {
        // reloaded by the browser without JavaScript; swapped in place by door-figures.js with it
        String page = PageRendering.render("doors/figures", model("/organizer", figures()), "day=2026-01-29", Locale.FRENCH);

        assertThat(page).contains("<noscript><meta http-equiv=\"refresh\" content=\"30\"></noscript>",
                "<div id=\"live-figures\" data-refresh-seconds=\"30\">", "src=\"/assets/js/door-figures.js\"",
                "id=\"figures-stale\" hidden", "Chiffres des entrées",
                "jeudi 29 janvier 2026", "vendredi 30 janvier 2026", "Journée du jeudi 29 janvier 2026",
                "mise à jour toutes les 30 s", "Inscrits confirmés", "Pas encore entrés", "Porte A", "Porte Nord",
                "Burkina Faso", "Mali", "Niger", "href=\"/organizer/door-figures/attendees.csv?day=2026-01-29\"",
                "Télécharger la liste des présences (CSV)", "href=\"/organizer\"");
        assertThat(page).contains("<dd id=\"confirmed\">120</dd>", "<dd id=\"checked-in\">75</dd>", "<dd id=\"not-yet-in\">45</dd>");
        assertThat(page).contains("Par catégorie", "<th scope=\"row\">Participant</th>", "<th scope=\"row\">Presse</th>");
        assertThat(page).doesNotContain(">BF<", ">ML<", ">NE<", "??", "2026-01-29</", ">PRESS<", ">PARTICIPANT<");
    }

    @Test
    void the_figures_in_english() {
        String page = PageRendering.render("doors/figures", model("/organizer", figures()), null, Locale.ENGLISH);

        assertThat(page).contains("Door figures", "Thursday 29 January 2026", "updated every 30 s", "Checked in",
                "Not yet in", "Door Nord", "Burkina Faso", "Download the attendance list (CSV)");
        assertThat(page).doesNotContain("??", ">BF<");
    }

    @Test
    void a_coordinators_page_says_it_is_their_delegation_and_links_back_to_it() {
        Map<String, Object> model = model("/coordinator", figures());

        String page = PageRendering.french("doors/figures", model);

        assertThat(page).contains("Les personnes de votre délégation seulement.", "href=\"/coordinator\"",
                "href=\"/coordinator/door-figures/attendees.csv?day=2026-01-29\"", "action=\"/coordinator/door-figures\"");
    }

    @Test
    void with_no_open_day_the_page_says_so_and_does_not_refresh() {
        Map<String, Object> model = model("/organizer", null);
        model.put("days", List.of());
        model.put("day", null);

        String page = PageRendering.french("doors/figures", model);

        assertThat(page).contains("id=\"no-days\"", "est ouverte aux inscriptions.");
        assertThat(page).doesNotContain("http-equiv=\"refresh\"", "choose-day", "csv-link", "door-figures.js");
    }

    @Test
    void the_day_asked_for_if_open_else_today_during_the_week_else_the_first_open_day() {
        List<DoorFigures.Day> open = List.of(new DoorFigures.Day(DAY_ONE), new DoorFigures.Day(DAY_ONE.plusDays(1)),
                new DoorFigures.Day(DAY_ONE.plusDays(2)));
        LocalDate before = DAY_ONE.minusDays(20);

        assertThat(DoorFiguresController.chosen("2026-01-30", open, before)).isEqualTo(DAY_ONE.plusDays(1));
        assertThat(DoorFiguresController.chosen("2027-01-30", open, before)).isEqualTo(DAY_ONE);
        assertThat(DoorFiguresController.chosen(null, open, before)).isEqualTo(DAY_ONE);
        assertThat(DoorFiguresController.chosen(null, open, DAY_ONE.plusDays(2))).isEqualTo(DAY_ONE.plusDays(2));
        assertThat(DoorFiguresController.chosen("2026-01-29", open, DAY_ONE.plusDays(2))).isEqualTo(DAY_ONE);
        assertThat(DoorFiguresController.chosen("2026-01-30", List.of(), DAY_ONE)).isNull();
    }
}
