package ml.sdn.portal.directory;

import ml.sdn.portal.participant.PageRendering;
import ml.sdn.portal.web.CurrentUser;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory's pages rendered from a model, for an organizer and a coordinator; the filters as sent. */
class DirectoryPagesTest {

    private static final CurrentUser ORGANIZER = new CurrentUser("o-1", "organizer-ml", "Moussa Keïta", "o@example.org", "ML",
            Set.of("organizer"), "token");
    private static final CurrentUser COORDINATOR = new CurrentUser("c-1", "coordinator-bf", "Issa Ouédraogo", "c@example.org",
            "BF", Set.of("coordinator"), "token");

    private static Map<String, Object> person() {
        Map<String, Object> person = new HashMap<>();
        person.put("id", "p1");
        person.put("displayName", "Moussa Traoré");
        person.put("email", "moussa@example.org");
        person.put("phone", "+22365012345");
        person.put("country", "ML");
        person.put("city", "Bamako");
        person.put("registeredAt", "2026-12-06T10:15:00Z");
        person.put("organizations", List.of(Map.of("id", "o1", "name", "Tech Bamako", "type", "START_UP",
                "sector", "E_GOVERNMENT", "country", "ML", "womenLed", true, "owner", true)));
        return person;
    }

    private static Map<String, Object> listModel(String base, Map<String, String> filters, int page, int totalPages) {
        Map<String, Object> model = new HashMap<>();
        model.put("base", base);
        model.put("filters", filters);
        model.put("countries", DirectoryPages.COUNTRIES);
        model.put("types", DirectoryPages.TYPES);
        model.put("sectors", List.of(Map.of("code", "E_GOVERNMENT", "label", "E-gouvernement"), Map.of("code", "HEALTH", "label", "Santé")));
        model.put("days", List.of(Map.of("day", "2026-01-29", "capacity", 100), Map.of("day", "2026-01-30", "capacity", 100)));
        model.put("result", Map.of("content", List.of(person()), "page", page, "size", 20, "totalElements", 42,
                "totalPages", totalPages));
        model.put("csvLink", base + "/participants.csv?q=traore&country=ML");
        model.put("xlsxLink", base + "/participants.xlsx?q=traore&country=ML");
        model.put("pageLink", base + "/participants?q=traore&country=ML");
        return model;
    }

    @Test
    void the_search_is_a_get_form_and_people_are_read_in_words_with_their_page_and_the_filters_kept() {
        Map<String, String> filters = new LinkedHashMap<>(Map.of("q", "traore", "country", "ML", "type", "START_UP",
                "sector", "E_GOVERNMENT", "day", "2026-01-29"));
        Map<String, Object> model = listModel("/organizer", filters, 1, 3);
        model.put("user", ORGANIZER);

        String page = PageRendering.render("directory/participants", model, null, Locale.FRENCH);

        assertThat(page).contains("<form method=\"get\" action=\"/organizer/participants\"", "value=\"traore\"",
                        "42 participant·es", "href=\"/organizer/participants/p1\"", "Moussa Traoré", "+223 65 01 23 45",
                        "Tech Bamako", "Page 2 sur 3",
                        "href=\"/organizer/participants?q=traore&amp;country=ML&amp;page=0\"",
                        "href=\"/organizer/participants?q=traore&amp;country=ML&amp;page=2\"",
                        "href=\"/organizer/participants.csv?q=traore&amp;country=ML\"",
                        "href=\"/organizer/participants.xlsx?q=traore&amp;country=ML\"", "Télécharger pour Excel (XLSX)",
                        "Administration numérique")
                .containsPattern("<option value=\"ML\" selected=\"selected\">Mali</option>")
                .containsPattern("<option value=\"START_UP\" selected=\"selected\">Start-up</option>")
                .containsPattern("<option value=\"2026-01-29\" selected=\"selected\">29 janvier 2026</option>")
                .doesNotContain(">ML<", ">START_UP<", ">E_GOVERNMENT<", ">2026-01-29<", "??");
        String english = PageRendering.render("directory/participants", listModel("/organizer", filters, 0, 1), null, Locale.ENGLISH);
        assertThat(english).contains("42 participants", "Name, e-mail, phone or organisation", "29 January 2026", "Women-led")
                .doesNotContain("next-page", "previous-page", "??");
    }

    @Test
    void a_coordinator_has_no_country_choice_and_their_own_links() {
        Map<String, Object> model = listModel("/coordinator", new LinkedHashMap<>(), 0, 1);
        model.put("user", COORDINATOR);

        String page = PageRendering.render("directory/participants", model, null, Locale.FRENCH);

        assertThat(page).contains("action=\"/coordinator/participants\"", "href=\"/coordinator/participants/p1\"",
                "Les personnes de votre délégation seulement.", "href=\"/coordinator\"").doesNotContain("id=\"country\"", "??");
    }

    @Test
    void a_refused_filter_is_said_next_to_it() {
        Map<String, Object> model = listModel("/organizer", new LinkedHashMap<>(Map.of("day", "demain")), 0, 1);
        model.remove("result");
        model.put("problem", "La demande contient des erreurs.");
        model.put("fieldErrors", Map.of("day", "doit être une date"));

        String page = PageRendering.render("directory/participants", model, null, Locale.FRENCH);

        assertThat(page).contains("id=\"day-error\"", "doit être une date", "La demande contient des erreurs.");
    }

    @Test
    void a_persons_page_has_their_organisations_days_and_applications_in_words() {
        Map<String, Object> person = person();
        person.put("gender", "MALE");
        Map<String, Object> model = new HashMap<>();
        model.put("base", "/organizer");
        model.put("user", ORGANIZER);
        model.put("found", Map.of("person", person, "attendance", List.of(
                Map.of("day", "2026-01-29", "status", "CONFIRMED", "checkedInAt", "2026-01-29T08:05:00Z"),
                Map.of("day", "2026-01-30", "status", "WAITING"))));
        model.put("applications", Map.of("content", List.of(Map.of("id", "a1", "title", "Pompes solaires",
                "categoryCode", "PROJECT_CONTEST", "status", "SUBMITTED", "reference", "SDN3-PRC-0001"))));

        String page = PageRendering.render("directory/participant", model, null, Locale.FRENCH);

        assertThat(page).contains("Moussa Traoré", "Mali", "+223 65 01 23 45", "Homme", "6 décembre 2026",
                        "href=\"/organizer/organizations/o1\"", "Tech Bamako", "Start-up", "Administration numérique",
                        "29 janvier 2026", "place confirmée", "accueilli·e le 29 janvier 2026, 08:05", "30 janvier 2026",
                        "liste d’attente", "href=\"/organizer/applications/a1\"", "Pompes solaires", "Concours de projets",
                        "Soumise", "SDN3-PRC-0001")
                .doesNotContain(">ML<", "CONFIRMED", "SUBMITTED", "PROJECT_CONTEST", "2026-01-29", "??");
        model.put("base", "/coordinator");
        assertThat(PageRendering.render("directory/participant", model, null, Locale.ENGLISH))
                .contains("place confirmed", "waiting list", "Project contest", "href=\"/coordinator/organizations/o1\"")
                .doesNotContain("/organizer/applications/a1", "??");
    }

    @Test
    void organisations_and_an_organisations_page_are_read_in_words_with_links_to_their_members() {
        Map<String, Object> organization = new HashMap<>(Map.of("id", "o1", "name", "Tech Bamako", "type", "SME",
                "country", "BF", "sector", "HEALTH", "womenLed", true, "foundingYear", 2022,
                "registeredAt", "2026-12-06T10:15:00Z", "members", List.of(
                        Map.of("name", "Awa Traoré", "role", "CEO", "lead", true, "joined", true, "participantId", "p1"),
                        Map.of("name", "Ibrahim Maïga", "role", "Dev", "lead", false, "joined", false))));
        Map<String, Object> list = listModel("/coordinator", new LinkedHashMap<>(), 0, 1);
        list.put("result", DirectoryPages.springPage(Map.of("items", List.of(organization), "page", 0, "size", 20, "total", 1)));
        list.put("csvLink", "/coordinator/organizations.csv");
        list.put("pageLink", "/coordinator/organizations");

        String page = PageRendering.render("directory/organizations", list, null, Locale.FRENCH);
        String detail = PageRendering.render("directory/organization", Map.of("base", "/coordinator", "organization", organization),
                null, Locale.FRENCH);

        assertThat(page).contains("Une organisation", "href=\"/coordinator/organizations/o1\"", "PME", "Burkina Faso", "Santé",
                "href=\"/coordinator/organizations.csv\"").doesNotContain(">SME<", ">BF<", ">HEALTH<", "??");
        assertThat(detail).contains("Tech Bamako", "PME", "Burkina Faso", "Santé", "oui", "2022", "6 décembre 2026",
                "href=\"/coordinator/participants/p1\"", "Awa Traoré", "(responsable)", "Ibrahim Maïga", "sans compte")
                .doesNotContain("??");
    }

    @Test
    void the_filters_go_to_the_service_under_its_names_blank_ones_left_out() {
        Map<String, String> filters = DirectoryPages.filters(Map.of("q", " traore ", "country", "", "type", "SME",
                "day", "2026-01-29", "page", "2", "other", "x"), DirectoryPages.PARTICIPANT_FILTERS);

        assertThat(filters).containsExactly(Map.entry("q", "traore"), Map.entry("type", "SME"), Map.entry("day", "2026-01-29"),
                Map.entry("page", "2"));
        assertThat(DirectoryPages.serviceParams(filters, DirectoryPages.PARTICIPANT_FILTERS, true)).containsExactly(
                Map.entry("q", "traore"), Map.entry("organizationType", "SME"), Map.entry("day", "2026-01-29"),
                Map.entry("page", "2"), Map.entry("size", "20"));
        assertThat(DirectoryPages.serviceParams(filters, DirectoryPages.PARTICIPANT_FILTERS, false)).doesNotContainKeys("page", "size");
    }
}
