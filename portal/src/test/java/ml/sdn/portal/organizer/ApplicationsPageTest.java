package ml.sdn.portal.organizer;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.DefaultUriBuilderFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The organizer's applications list and an application's page, rendered from a model; the filters as sent. */
class ApplicationsPageTest {

    private static Map<String, Object> application(String id, String status, boolean womenLed) {
        Map<String, Object> application = new HashMap<>();
        application.put("id", id);
        application.put("reference", "SDN-2027-0007");
        application.put("title", "Pompes solaires");
        application.put("categoryCode", "PROJECT_CONTEST");
        application.put("country", "NE");
        application.put("status", status);
        application.put("submittedAt", "2027-03-20T10:15:00Z");
        application.put("applicantName", "Aïssata Maïga");
        application.put("organizationName", "Sahel Solaire");
        application.put("womenLed", womenLed);
        return application;
    }

    private static Map<String, Object> model(Map<String, String> filters, int page, int totalPages) {
        Map<String, Object> model = new HashMap<>();
        model.put("filters", filters);
        model.put("statuses", OrganizerApplicationsController.STATUSES);
        model.put("countries", OrganizerApplicationsController.COUNTRIES);
        model.put("edition", Map.of("id", "e4", "number", 4, "year", 2027, "theme", "Le numérique pour tous"));
        model.put("categories", List.of(Map.of("id", "c1", "name", Map.of("fr", "Concours de projets", "en", "Project contest"))));
        model.put("result", Map.of("content", List.of(application("a1", "SUBMITTED", true), application("a2", "WITHDRAWN", false)),
                "page", page, "size", 20, "totalElements", 42, "totalPages", totalPages));
        model.put("csvLink", "/organizer/applications.csv?edition=e4&country=NE");
        model.put("xlsxLink", "/organizer/applications.xlsx?edition=e4&country=NE");
        model.put("pageLink", "/organizer/applications?edition=e4&country=NE");
        return model;
    }

    @Test
    void every_application_is_read_in_words_with_its_page_and_the_filters_kept() {
        Map<String, String> filters = new LinkedHashMap<>(Map.of("edition", "e4", "country", "NE", "womenLed", "true"));

        String page = OrganizerPages.render("organizer/applications", model(filters, 1, 3), Locale.FRENCH, null);

        assertThat(page).contains("42 candidatures", "Pompes solaires", "href=\"/organizer/applications/a1\"", "Concours de projets",
                "Niger", "Déposée", "Retirée", "Sahel Solaire — Aïssata Maïga", "20 mars 2027, 10:15", "Page 2 sur 3",
                "href=\"/organizer/applications?edition=e4&amp;country=NE&amp;page=0\"",
                "href=\"/organizer/applications?edition=e4&amp;country=NE&amp;page=2\"",
                "href=\"/organizer/applications.csv?edition=e4&amp;country=NE\"",
                "href=\"/organizer/applications.xlsx?edition=e4&amp;country=NE\"", "Télécharger pour Excel (XLSX)")
                .containsPattern("<option value=\"NE\" selected=\"selected\">Niger</option>")
                .containsPattern("<option value=\"true\" selected=\"selected\">oui</option>")
                .doesNotContain("SUBMITTED</", "PROJECT_CONTEST<", ">NE<", "2027-03-20");
        String english = OrganizerPages.render("organizer/applications", model(filters, 0, 1), Locale.ENGLISH, null);
        assertThat(english).contains("42 applications", "Submitted", "Withdrawn", "Project contest", "Women-led")
                .doesNotContain("next-page", "previous-page");
    }

    @Test
    void a_tampered_filter_is_said_next_to_it() {
        Map<String, Object> model = model(new LinkedHashMap<>(Map.of("edition", "e4")), 0, 1);
        model.remove("result");
        model.put("problem", "La demande contient des erreurs.");
        model.put("fieldErrors", Map.of("country", "Le pays est ML, BF ou NE."));

        String page = OrganizerPages.render("organizer/applications", model, Locale.FRENCH, null);

        assertThat(page).contains("id=\"country-error\"", "Le pays est ML, BF ou NE.");
    }

    @Test
    void the_filters_go_to_the_service_under_its_names_encoded_whatever_was_typed() {
        Map<String, String> filters = OrganizerApplicationsController.filters(Map.of("edition", "e4", "category", " ",
                "country", "{$ne:1}", "womenLed", "true", "page", "2", "other", "x"));

        Map<String, String> params = OrganizerApplicationsController.serviceParams(filters, true);

        assertThat(params).containsOnlyKeys("editionId", "country", "womenLed", "page", "size").containsEntry("size", "20");
        assertThat(OrganizerApplicationsController.serviceParams(filters, false)).doesNotContainKeys("page", "size");
        String uri = OrganizerApplicationsController.uri("/api/competitions/applications", params)
                .apply(new DefaultUriBuilderFactory("http://competition").builder()).toString();
        assertThat(uri).startsWith("http://competition/api/competitions/applications?")
                .contains("country=%7B%24ne%3A1%7D", "editionId=e4", "womenLed=true", "page=2");
    }

    @Test
    void an_application_page_shows_what_was_written_in_words() {
        Map<String, Object> application = application("a1", "SUBMITTED", true);
        application.put("editionId", "e4");
        application.put("categoryId", "c1");
        application.put("categoryName", Map.of("fr", "Concours de projets", "en", "Project contest"));
        application.put("summary", "Des pompes solaires\npour les maraîchers");
        application.put("team", List.of(Map.of("name", "Awa Traoré", "role", "porteuse de projet")));
        application.put("pitchDeckUrl", "https://example.org/deck.pdf");

        String page = OrganizerPages.render("organizer/application", Map.of("item", application), Locale.FRENCH, null);

        assertThat(page).contains("<h1>Pompes solaires</h1>", "Concours de projets", "Niger", "Déposée", "Résumé",
                "Des pompes solaires\npour les maraîchers", "Awa Traoré — porteuse de projet", "href=\"https://example.org/deck.pdf\"",
                "href=\"/organizer/applications?edition=e4\"");
    }
}
