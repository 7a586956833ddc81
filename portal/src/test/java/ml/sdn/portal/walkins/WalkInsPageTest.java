package ml.sdn.portal.walkins;

import ml.sdn.portal.participant.PageRendering;
import ml.sdn.portal.web.CurrentUser;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WalkInsPageTest {

    private static final LocalDate DAY_ONE = LocalDate.of(2026, 1, 29);

    private static Map<String, Object> model(String base, WalkInsController.Form form, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", new CurrentUser("id-o", "organizer-ml", "Organisation Mali", "organizer-ml@demo.sdn.ml", "ML",
                Set.of(base.substring(1)), "t"));
        model.put("base", base);
        model.put("days", List.of(DAY_ONE, DAY_ONE.plusDays(1)));
        model.put("categories", WalkInsController.CATEGORIES);
        model.put("countries", WalkInsController.countries(locale));
        model.put("form", form);
        model.put("importDays", List.of());
        return model;
    }

    @Test
    void an_organizer_has_one_form_for_a_person_and_one_for_a_csv_file_with_days_and_categories_in_words() {
        String page = PageRendering.render("walkins/walk-ins", model("/organizer", WalkInsController.Form.empty(),
                Locale.FRENCH), null, Locale.FRENCH);

        assertThat(page).contains("Inscrire des personnes sans compte", "action=\"/organizer/walk-ins\"",
                "action=\"/organizer/walk-ins/import\"", "enctype=\"multipart/form-data\"", "jeudi 29 janvier 2026",
                "vendredi 30 janvier 2026", "Membre de délégation", "Intervenant", "Presse", "Officiel / VIP",
                "Burkina Faso", "Sénégal", "Nom et prénom", "Téléphone", "Inscrire et donner un badge", "Importer le fichier",
                "name=\"days\"", "name=\"importDays\"", "href=\"/organizer\"");
        assertThat(page).containsPattern("<option value=\"PARTICIPANT\" selected=\"selected\">Participant</option>");
        // the three delegations come first in the list of countries
        assertThat(page.indexOf(">Mali<")).isLessThan(page.indexOf(">Afghanistan<"));
        assertThat(page).doesNotContain("??", ">SPEAKER<", "2026-01-29<");
    }

    @Test
    void every_error_is_shown_next_to_its_field_at_once_and_what_was_typed_stays() {
        Map<String, Object> model = model("/organizer", new WalkInsController.Form("", "SPEAKER", "XX", "Bamako Lab", "12",
                "pas-une-adresse", List.of("2026-01-30")), Locale.ENGLISH);
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("name", "the name is required");
        errors.put("phone", "the phone number has 8 to 15 digits");
        errors.put("email", "the e-mail address is not valid");
        errors.put("days", "Friday 30 January 2026 is over");
        model.put("fieldErrors", errors);
        model.put("problem", "The request has invalid fields.");

        String page = PageRendering.render("walkins/walk-ins", model, null, Locale.ENGLISH);

        assertThat(page).contains("Register people without an account", "id=\"name-error\"", "the name is required",
                "id=\"phone-error\"", "id=\"email-error\"", "id=\"days-error\"", "Friday 30 January 2026 is over",
                "value=\"Bamako Lab\"", "value=\"pas-une-adresse\"", "The request has invalid fields.");
        assertThat(page).containsPattern("value=\"SPEAKER\" selected=\"selected\">Speaker<")
                .containsPattern("id=\"day-2026-01-30\"[^>]*checked=\"checked\"");
        assertThat(page).doesNotContain("??");
    }

    @Test
    void a_registered_walk_in_shows_the_badge_code_the_category_and_the_days_in_words() {
        Map<String, Object> model = model("/organizer", WalkInsController.Form.empty(), Locale.FRENCH);
        model.put("registered", new WalkInsController.WalkIn("walkin:1", "Awa Traoré", "SPEAKER", "ML", "Bamako Lab",
                "K7QM-4TZP-9XRD-HB3W", List.of(new WalkInsController.RegisteredDay(DAY_ONE, true),
                new WalkInsController.RegisteredDay(DAY_ONE.plusDays(1), false))));

        String page = PageRendering.french("walkins/walk-ins", model);

        assertThat(page).contains("id=\"walk-in-result\"", "Awa Traoré est inscrit(e).", "Intervenant · Mali",
                "K7QM-4TZP-9XRD-HB3W", "jeudi 29 janvier 2026", "vendredi 30 janvier 2026 (déjà inscrit·e)",
                "href=\"/organizer/badges\"");
    }

    @Test
    void the_import_report_names_each_line_its_outcome_and_each_field_at_fault() {
        Map<String, Object> model = model("/coordinator", WalkInsController.Form.empty(), Locale.FRENCH);
        model.put("report", new WalkInsController.Report(1, 1, 1, List.of(
                new WalkInsController.Line(2, "Awa Traoré", "REGISTERED", "K7QM-4TZP-9XRD-HB3W", null),
                new WalkInsController.Line(3, "Salif", "ALREADY_REGISTERED", "A2BC-3DEF-4GHJ-5KLM", List.of()),
                new WalkInsController.Line(4, null, "REJECTED", null, List.of(
                        new WalkInsController.FieldMessage("name", "le nom est obligatoire"),
                        new WalkInsController.FieldMessage("category", "la catégorie est participant, …"))))));

        String page = PageRendering.french("walkins/walk-ins", model);

        assertThat(page).contains("id=\"import-report\"", "1 inscrite(s), 1 déjà inscrite(s), 1 refusée(s)", "Ligne 2",
                "Awa Traoré", "K7QM-4TZP-9XRD-HB3W", "Ligne 3", "Déjà inscrite : rien de changé", "Ligne 4", "(sans nom)",
                "Nom et prénom : le nom est obligatoire", "Catégorie : la catégorie est participant");
        assertThat(page).doesNotContain("??");
    }

    @Test
    void a_coordinators_page_has_no_country_to_choose_and_says_it_registers_their_delegation() {
        String page = PageRendering.french("walkins/walk-ins", model("/coordinator", WalkInsController.Form.empty(),
                Locale.FRENCH));

        assertThat(page).contains("action=\"/coordinator/walk-ins\"", "action=\"/coordinator/walk-ins/import\"",
                "Les personnes de votre délégation seulement.", "href=\"/coordinator\"");
        assertThat(page).doesNotContain("name=\"country\"");
    }

    @Test
    void with_no_open_day_the_page_says_so_and_has_no_form() {
        Map<String, Object> model = model("/organizer", WalkInsController.Form.empty(), Locale.FRENCH);
        model.put("days", List.of());

        String page = PageRendering.french("walkins/walk-ins", model);

        assertThat(page).contains("id=\"no-days\"").doesNotContain("walk-in-form", "import-form");
    }
}
