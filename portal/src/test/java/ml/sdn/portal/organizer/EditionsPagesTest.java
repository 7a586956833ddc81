package ml.sdn.portal.organizer;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The editions list and the edition form, rendered from a model in French and English. */
class EditionsPagesTest {

    private static Map<String, Object> edition(String id, int number, boolean current, boolean archived) {
        Map<String, Object> edition = new LinkedHashMap<>();
        edition.put("id", id);
        edition.put("number", number);
        edition.put("year", 2027);
        edition.put("startDate", "2027-11-18");
        edition.put("endDate", "2027-11-20");
        edition.put("venue", "CICB, Bamako");
        edition.put("theme", "Le numérique pour tous");
        edition.put("guestCountries", List.of("BF", "NE"));
        edition.put("womenLedPrizeMayOverlap", false);
        edition.put("resultsPublished", false);
        edition.put("current", current);
        edition.put("archived", archived);
        return edition;
    }

    private static final List<Map<String, Object>> EDITIONS = List.of(edition("e5", 5, false, false),
            edition("e4", 4, true, false), edition("e3", 3, false, true));

    @Test
    void the_list_says_in_words_which_edition_is_current_and_offers_only_what_each_allows() {
        String page = OrganizerPages.render("organizer/editions", Map.of("editions", EDITIONS), Locale.FRENCH, null);

        assertThat(page).contains("5e édition (2027)", "du 18 novembre 2027 au 20 novembre 2027",
                "Édition en cours (montrée sur la page d’accueil)", "Archivée", "Pas annoncée", "pas encore publiés")
                .doesNotContain("2027-11-18", "2 027");
        // only the edition neither current nor archived may be made current or archived
        assertThat(page.split("action=\"/organizer/editions/current\"", -1)).hasSize(2);
        assertThat(page).contains("action=\"/organizer/editions/e5/archive\"")
                .doesNotContain("action=\"/organizer/editions/e4/archive\"", "action=\"/organizer/editions/e3/archive\"",
                        "/organizer/editions/e3/edit");
        assertThat(page).contains("name=\"editionId\" value=\"e5\"", "name=\"_csrf\" value=\"csrf-token\"");

        String english = OrganizerPages.render("organizer/editions", Map.of("editions", EDITIONS), Locale.ENGLISH, null);
        assertThat(english).contains("Current edition (shown on the home page)", "Archived", "Make it the current edition",
                "from 18 November 2027 to 20 November 2027");
    }

    @Test
    void a_refused_choice_or_archive_is_said_on_the_list() {
        Map<String, Object> model = new HashMap<>(Map.of("editions", EDITIONS));
        model.put("problem", "L’édition numéro 4 est l’édition en cours : choisissez d’abord une autre édition en cours, puis archivez-la.");
        model.put("fieldErrors", Map.of("editionId", "Cette édition n’existe pas."));

        String page = OrganizerPages.render("organizer/editions", model, Locale.FRENCH, null);

        assertThat(page).contains("choisissez d’abord une autre édition en cours", "id=\"editionId-error\"",
                "Cette édition n’existe pas.");
    }

    @Test
    void the_edition_form_shows_every_error_next_to_its_field_and_keeps_what_was_typed() {
        EditionForm form = EditionForm.of(edition("e4", 4, true, false));
        form.setEndDate("2027-11-17");
        form.setVenue("");
        Map<String, Object> model = new HashMap<>();
        model.put("edition", edition("e4", 4, true, false));
        model.put("editionForm", form);
        model.put("problem", "La demande contient des erreurs.");
        model.put("fieldErrors", Map.of("endDate", "La date de fin ne peut pas précéder la date de début.",
                "venue", "Le lieu est obligatoire."));

        String page = OrganizerPages.render("organizer/edition-edit", model, Locale.FRENCH, null);

        assertThat(page).contains("Modifier la 4e édition", "id=\"endDate-error\"", "La date de fin ne peut pas précéder",
                "id=\"venue-error\"", "Le lieu est obligatoire.", "value=\"2027-11-17\"", "value=\"Le numérique pour tous\"",
                "action=\"/organizer/editions/e4\"");
        assertThat(page).containsPattern("id=\"guest-BF\"[^>]*checked");
    }

    @Test
    void the_form_sends_what_was_typed_back_to_the_service() {
        EditionForm form = EditionForm.of(edition("e4", 4, true, false));

        assertThat(form.request()).containsEntry("number", 4).containsEntry("year", 2027)
                .containsEntry("startDate", "2027-11-18").containsEntry("venue", "CICB, Bamako")
                .containsEntry("guestCountries", List.of("BF", "NE"));
    }

    @Test
    void a_category_form_with_every_phase_left_empty_lets_the_service_take_the_edition_calendar() {
        CategoryForm form = CategoryForm.blank();
        form.getPhases().replaceAll((phase, start) -> "");
        assertThat(form.request().get("phases")).isNull();

        CategoryForm typed = CategoryForm.blank();
        assertThat((List<?>) typed.request().get("phases")).hasSize(CategoryForm.PHASES.size());
    }

    @Test
    void the_home_page_form_on_the_edition_page_shows_every_error_next_to_its_row_and_keeps_what_was_typed() {
        HomeForm form = HomeForm.of(Map.of("venueCity", "Bamako", "mapLink", "http://maps.example",
                "contact", Map.of("fr", "Écrivez-nous", "en", ""),
                "categories", List.of(Map.of("code", "PROJECT_CONTEST", "prizes", Map.of("fr", "Un prix", "en", "A prize"))),
                "questions", List.of(Map.of("question", Map.of("fr", "Gratuit ?", "en", ""), "answer", Map.of("fr", "Oui", "en", "Yes")))));
        Map<String, Object> model = new HashMap<>();
        model.put("edition", edition("e4", 4, true, false));
        model.put("categories", List.of());
        model.put("phases", CategoryForm.PHASES);
        model.put("categoryForm", CategoryForm.blank());
        model.put("homeForm", form);
        model.put("homeProblem", "La demande contient des erreurs.");
        model.put("fieldErrors", Map.of("mapLink", "Le lien doit commencer par https://", "contact.en", "Écrivez ce texte en français et en anglais.",
                "questions[0].question.en", "Écrivez la question en français et en anglais."));

        String page = OrganizerPages.render("organizer/edition", model, Locale.FRENCH, null);

        assertThat(page).contains("id=\"mapLink-error\"", "Le lien doit commencer par https://", "value=\"http://maps.example\"",
                "id=\"contact.en-error\"", "id=\"questions[0].question.en-error\"", ">Gratuit ?</textarea>",
                "name=\"categories[1].prizesFr\"", ">Un prix</textarea>", "name=\"categories[0].code\" value=\"START_UP_CHALLENGE\"",
                "Qui peut participer (en anglais)", "Question 4 (en anglais)");
        assertThat(page.indexOf("La demande contient des erreurs.")).as("said above the home form")
                .isGreaterThan(page.indexOf("id=\"home-content\"")).isLessThan(page.indexOf("id=\"home-form\""));
        assertThat(page.split("<textarea", -1)).as("contact 2, categories 2 × 4, questions (1 written + 3 empty) × 4")
                .hasSize(1 + 2 + 8 + 16 + 1);
    }

    @Test
    void the_home_page_form_sends_every_row_so_that_the_service_names_the_row_seen() {
        HomeForm form = HomeForm.of(null);
        form.setMapLink("https://maps.example/cicb");
        form.getQuestions().get(1).setQuestionFr("Où ?");

        Map<String, Object> body = form.request();

        assertThat(body).containsEntry("mapLink", "https://maps.example/cicb").containsEntry("venueCity", null);
        assertThat((List<?>) body.get("categories")).hasSize(2);
        assertThat((List<?>) body.get("questions")).hasSize(HomeForm.FREE_ROWS);
        assertThat(body.get("questions").toString()).contains("{question={fr=, en=}", "{question={fr=Où ?, en=}");
    }
}
