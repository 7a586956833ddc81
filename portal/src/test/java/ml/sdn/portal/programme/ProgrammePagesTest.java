package ml.sdn.portal.programme;

import ml.sdn.portal.participant.PageRendering;
import ml.sdn.portal.web.CurrentUser;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The programme's pages rendered with their bundles: words, never codes or ISO dates; errors next to the fields. */
class ProgrammePagesTest {

    private static final ProgrammeSessions.Session WORKSHOP = new ProgrammeSessions.Session("s1", "Atelier IA et état civil",
            "AI and civil registration workshop", "WORKSHOP", "Salle Niger", LocalDate.of(2026, 1, 29),
            LocalDateTime.of(2026, 1, 29, 10, 0), LocalDateTime.of(2026, 1, 29, 11, 30),
            List.of(new ProgrammeSessions.Speaker("Aminata Traoré", "AGETIC"), new ProgrammeSessions.Speaker("Issa Ouédraogo", null)),
            40, 38, 0, 2);
    private static final ProgrammeSessions.Session OPENING = new ProgrammeSessions.Session("s2", "Cérémonie d'ouverture",
            "Opening ceremony", "OPENING", "Grande salle", LocalDate.of(2026, 1, 29),
            LocalDateTime.of(2026, 1, 29, 9, 0), LocalDateTime.of(2026, 1, 29, 9, 45), List.of(), null, 0, 0, null);
    private static final ProgrammeSessions.Session AWARDS = new ProgrammeSessions.Session("s3", "Remise des prix",
            "Award ceremony", "AWARD_CEREMONY", "Grande salle", LocalDate.of(2026, 1, 31),
            LocalDateTime.of(2026, 1, 31, 18, 0), LocalDateTime.of(2026, 1, 31, 20, 0), List.of(), 2, 2, 3, 0);

    private static String programme(Locale locale, CurrentUser user, List<ProgrammeSessions.Mine> mine) {
        Map<String, Object> model = new HashMap<>();
        model.put("days", new ProgrammeSessions(PageRendering.messages(), locale)
                .byDayAndRoom(List.of(AWARDS, WORKSHOP, OPENING), mine));
        model.put("user", user);
        return PageRendering.render("programme/programme", model, null, locale);
    }

    @Test
    void the_public_programme_goes_by_day_then_room_with_times_and_kinds_in_words() {
        String french = programme(Locale.FRENCH, null, List.of());

        assertThat(french).contains("jeudi 29 janvier", "samedi 31 janvier", "9 h 00 – 9 h 45", "10 h 00 – 11 h 30",
                "atelier", "cérémonie de remise des prix", "Avec Aminata Traoré (AGETIC), Issa Ouédraogo",
                "Il reste 2 places sur 40", "Ouvert à tous, sans inscription", "Complet : 3 personnes attendent");
        assertThat(french.indexOf("Grande salle")).isLessThan(french.indexOf("Salle Niger"));
        assertThat(french.indexOf("jeudi 29 janvier")).isLessThan(french.indexOf("samedi 31 janvier"));
        assertThat(french).doesNotContain("2026-01", "WORKSHOP", "AWARD_CEREMONY");
    }

    @Test
    void in_english_titles_days_and_kinds_are_english() {
        String english = programme(Locale.ENGLISH, null, List.of());

        assertThat(english).contains("Programme of the week", "Thursday 29 January", "10:00 – 11:30", "AI and civil registration workshop",
                "workshop", "award ceremony", "2 places left out of 40", "Full: 3 people waiting");
        assertThat(english).doesNotContain("Atelier IA", "2026-01");
    }

    @Test
    void a_signed_in_person_adds_sessions_with_places_and_sees_where_they_stand() {
        CurrentUser awa = new CurrentUser("id-1", "awa", "Awa", "awa@example.org", "BF", Set.of("participant"), "token");
        String page = programme(Locale.FRENCH, awa, List.of(new ProgrammeSessions.Mine("s3", "WAITING", 2, AWARDS)));

        assertThat(page).contains("action=\"/me/agenda/s1/add\"", "Liste d&#39;attente : vous êtes en position 2.")
                .doesNotContain("/me/agenda/s2/add", "/me/agenda/s3/add");
    }

    @Test
    void the_agenda_lists_my_sessions_in_time_order_with_a_button_to_leave_each() {
        List<ProgrammeSessions.Line> lines = new ProgrammeSessions(PageRendering.messages(), Locale.FRENCH).agenda(List.of(
                new ProgrammeSessions.Mine("s3", "WAITING", 1, AWARDS), new ProgrammeSessions.Mine("s1", "CONFIRMED", null, WORKSHOP)));

        String page = PageRendering.french("programme/agenda", Map.of("lines", lines));

        assertThat(page).contains("jeudi 29 janvier, 10 h 00 – 11 h 30", "Salle Niger · atelier",
                "Dans votre agenda : vous avez une place.", "action=\"/me/agenda/s1/leave\"");
        assertThat(page.indexOf("Atelier IA")).isLessThan(page.indexOf("Remise des prix"));
    }

    @Test
    void the_organizer_form_shows_every_error_next_to_its_field() {
        Map<String, String> days = new LinkedHashMap<>();
        days.put("2026-01-29", "jeudi 29 janvier");
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("WORKSHOP", "atelier");
        Map<String, Object> model = new HashMap<>();
        model.put("sessionForm", SessionForm.blank());
        model.put("dayOptions", days);
        model.put("kindOptions", kinds);
        model.put("problem", "Veuillez corriger les champs signalés.");
        model.put("fieldErrors", Map.of("endsAt", "doit venir après l'heure de début", "kind", "le type est obligatoire",
                "speakers[0].name", "le nom est obligatoire", "capacity", "trop"));

        String page = PageRendering.french("programme/organizer-form", model);

        assertThat(page).contains("id=\"endsAt-error\"", "id=\"kind-error\"", "id=\"speakers[0].name-error\"", "id=\"capacity-error\"",
                "name=\"speakers[3].organization\"", "<label for=\"speaker-0-name\">Intervenant 1 : nom</label>",
                "Heure de début (heure de Bamako, par exemple 10:30)", "action=\"/organizer/programme\"");
    }

    @Test
    void the_organizers_list_links_each_session_to_its_form() {
        ProgrammeSessions words = new ProgrammeSessions(PageRendering.messages(), Locale.FRENCH);
        String page = PageRendering.french("programme/organizer-list", Map.of("lines", List.of(words.line(WORKSHOP, null))));

        assertThat(page).contains("href=\"/organizer/programme/s1/edit\"", "href=\"/organizer/programme/new\"",
                "jeudi 29 janvier, 10 h 00 – 11 h 30");
    }
}
