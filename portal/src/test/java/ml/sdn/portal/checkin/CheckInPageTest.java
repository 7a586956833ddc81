package ml.sdn.portal.checkin;

import ml.sdn.portal.participant.PageRendering;
import ml.sdn.portal.web.CurrentUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CheckInPageTest {

    private static final LocalDate DAY_ONE = LocalDate.of(2026, 1, 29);
    /** 09:12 in Bamako (UTC all year). */
    private static final Instant NINE_TWELVE = Instant.parse("2026-01-29T09:12:30Z");

    private static Map<String, Object> desk() {
        Map<String, Object> model = new HashMap<>();
        model.put("user", new CurrentUser("id-s", "staff-ml", "Accueil Mali", "staff-ml@demo.sdn.ml", "ML", Set.of("staff"), "t"));
        model.put("days", List.of(new DoorDesk.Day(DAY_ONE), new DoorDesk.Day(DAY_ONE.plusDays(1))));
        model.put("day", DAY_ONE);
        model.put("door", "A");
        model.put("ready", true);
        model.put("checkInId", "form-1");
        model.put("categories", DoorDesk.CATEGORIES);
        model.put("walkInForm", new DoorDesk.WalkInForm("walk-in-1", "", "PARTICIPANT", "", "", "", ""));
        return model;
    }

    private static String french(Map<String, Object> model) {
        return PageRendering.render("checkin/door", model, null, Locale.FRENCH);
    }

    @Test
    void the_chosen_day_and_door_in_words_and_a_form_for_the_typed_code_that_carries_them() {
        String page = french(desk());

        assertThat(page).contains("jeudi 29 janvier 2026", "vendredi 30 janvier 2026", "Entrées du jeudi 29 janvier 2026, porte A",
                "name=\"badgeCode\"", "name=\"checkInId\" value=\"form-1\"", "name=\"door\" value=\"A\"",
                "name=\"day\" value=\"2026-01-29\"", "Code du badge", "href=\"/checkin\"");
        assertThat(page).doesNotContain("checkin-result");
    }

    @Test
    void a_first_check_in_is_shown_large_in_green_with_the_person_their_organisation_and_country_in_words() {
        Map<String, Object> model = desk();
        model.put("result", new DoorDesk.CheckIn("Awa Traoré", "Kalanso SARL", "BF", DAY_ONE, NINE_TWELVE, "A", true, "SPEAKER"));

        String page = french(model);

        assertThat(page).contains("door-result ok", "Entrée enregistrée à 09:12, porte A", "Awa Traoré",
                "Kalanso SARL · Burkina Faso", "<p class=\"door-category\">Intervenant</p>");
        assertThat(page).doesNotContain("2026-01-29T", ">BF<");
    }

    @Test
    void the_offline_door_is_hidden_without_javascript_and_carries_its_words_in_the_pages_language() {
        String french = french(desk());
        String english = PageRendering.render("checkin/door", desk(), null, Locale.ENGLISH);

        assertThat(french).contains("<section id=\"offline-door\" class=\"card\" hidden data-day=\"2026-01-29\" data-door=\"A\" data-lang=\"fr\">",
                "src=\"/assets/js/checkin.js\"", "Télécharger la liste de la journée", "Entrées en attente d’envoi : {0}",
                "Entrée enregistrée à {0}, porte {1}", "data-key=\"category.DELEGATION_MEMBER\"", "Membre de délégation",
                "Aucun badge de la liste de la journée n’a ce code.");
        assertThat(english).contains("data-lang=\"en\"", "Download the day’s list", "Check-ins waiting to be sent: {0}",
                "Checked in at {0}, door {1}", "Delegation member");
        assertThat(french).doesNotContain("??");
        assertThat(english).doesNotContain("??");
    }

    @Test
    void the_walk_in_form_is_a_plain_form_with_its_client_id_countries_and_categories_in_words() {
        Map<String, Object> model = desk();
        model.put("countries", DoorDesk.countries(Locale.FRENCH));
        Map<String, Object> englishModel = desk();
        englishModel.put("countries", DoorDesk.countries(Locale.ENGLISH));

        String french = french(model);
        String english = PageRendering.render("checkin/door", englishModel, null, Locale.ENGLISH);

        assertThat(french).contains("<form id=\"offline-walkin\" method=\"post\" action=\"/checkin/walk-in\" class=\"card\" novalidate>",
                "name=\"clientId\" value=\"walk-in-1\"", "name=\"_csrf\"",
                "Inscrire une personne arrivée sans inscription", "<option value=\"ML\">Mali</option>",
                "<option value=\"SN\">Sénégal</option>", "<option value=\"PRESS\">Presse</option>",
                "Inscrit(e) et entré(e) à {0}, porte {1}", "Écrivez ce code sur son badge papier.",
                "id=\"walkInPhone-error\"", "{0} entrée(s) ou inscription(s) ne sont pas encore envoyées");
        assertThat(english).contains("Register someone who arrives without a registration", "<option value=\"SN\">Senegal</option>",
                "Registered and checked in at {0}, door {1}", "Write this code on their paper badge.", "Sign out anyway?");
        assertThat(french).doesNotContain("??");
        assertThat(english).doesNotContain("??");
    }

    @Test
    void before_the_day_and_door_are_chosen_there_is_no_offline_door() {
        Map<String, Object> model = desk();
        model.put("ready", false);

        assertThat(french(model)).doesNotContain("offline-door", "checkin.js");
    }

    @Test
    void a_second_check_in_says_when_and_by_which_door_in_orange() {
        Map<String, Object> model = desk();
        model.put("door", "C");
        model.put("result", new DoorDesk.CheckIn("Ibrahim Maïga", null, "NE", DAY_ONE, NINE_TWELVE, "B", false, null));

        String french = french(model);
        String english = PageRendering.render("checkin/door", model, null, Locale.ENGLISH);

        assertThat(french).contains("door-result again", "Déjà enregistré à 09:12, porte B", "Ibrahim Maïga", "Niger");
        assertThat(english).contains("Already checked in at 09:12, door B", "Thursday 29 January 2026");
    }

    @Test
    void a_refused_badge_is_shown_in_red_with_the_services_reason_and_the_code_typed() {
        Map<String, Object> model = desk();
        model.put("refusal", "Aucun badge n'a ce code : vérifiez-le, ou cherchez la personne par son nom.");
        model.put("refusedCode", "ZZZZ-ZZZZ-ZZZZ-ZZZZ");

        String page = french(model);

        assertThat(page).contains("door-result refused", "Entrée refusée", "Aucun badge n&#39;a ce code", "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    }

    @Test
    void search_results_have_one_button_each_unless_the_person_is_in_and_never_a_full_phone_number() {
        Map<String, Object> model = desk();
        model.put("q", "traore");
        model.put("found", List.of(
                new DoorDesk.Attendee("att-1", "K7QM-4TZP-9XRD-HB3W", "Awa Traoré", "Kalanso SARL", "ML", "+223 •• •• •• 56", null, null),
                new DoorDesk.Attendee("att-2", "ABCD-EFGH-JKLM-NPQR", "Moussa Traoré", null, "BF", null, NINE_TWELVE, "B")));

        String page = french(model);

        assertThat(page).contains("Enregistrer l’entrée de Awa Traoré", "value=\"K7QM-4TZP-9XRD-HB3W\"",
                "Téléphone +223 •• •• •• 56", "Kalanso SARL · Mali", "Entré(e) à 09:12, porte B", "name=\"q\" value=\"traore\"");
        assertThat(page).doesNotContain("Enregistrer l’entrée de Moussa Traoré");
    }

    @Test
    void no_one_found_says_so_and_field_errors_stand_next_to_their_fields() {
        Map<String, Object> model = desk();
        model.put("found", List.of());
        model.put("fieldErrors", Map.of("q", "tapez au moins 2 lettres ou 4 chiffres du téléphone"));

        String page = french(model);

        assertThat(page).contains("Personne d’inscrit ce jour-là ne correspond.", "id=\"q-error\"", "aria-describedby=\"q-error\"");
    }

    @Test
    void before_the_day_and_door_are_chosen_only_that_form_shows() {
        Map<String, Object> model = desk();
        model.put("ready", false);
        model.put("day", null);
        model.put("door", null);
        model.put("fieldErrors", Map.of("door", "indiquez votre porte (par exemple A)"));

        String page = french(model);

        assertThat(page).contains("Journée et porte", "Choisir une journée", "indiquez votre porte").doesNotContain("name=\"badgeCode\"");
    }

    @Test
    void a_refused_walk_in_shows_every_error_next_to_its_field_with_what_was_typed() {
        Map<String, Object> model = desk();
        model.put("countries", DoorDesk.countries(Locale.FRENCH));
        model.put("walkInForm", new DoorDesk.WalkInForm("walk-in-1", "", "PRESS", "", "Radio Kledu", "12", ""));
        model.put("fieldErrors", Map.of("name", "le nom est obligatoire", "country", "le pays est obligatoire",
                "phone", "le téléphone a de 8 à 15 chiffres"));

        String page = french(model);

        assertThat(page).contains("<p class=\"field-error\" id=\"walkInName-error\">le nom est obligatoire</p>",
                "<p class=\"field-error\" id=\"walkInCountry-error\">le pays est obligatoire</p>",
                "<p class=\"field-error\" id=\"walkInPhone-error\">le téléphone a de 8 à 15 chiffres</p>",
                "<p class=\"field-error\" id=\"walkInEmail-error\" hidden=\"hidden\"></p>", "value=\"Radio Kledu\"", "value=\"12\"",
                "<option value=\"PRESS\" selected=\"selected\">Presse</option>", "name=\"clientId\" value=\"walk-in-1\"");
        assertThat(page).doesNotContain("id=\"null-error\"");
    }

    @Test
    void a_walk_in_registered_at_the_door_is_shown_in_green_with_the_code_to_write_on_the_paper_badge() {
        Map<String, Object> model = desk();
        model.put("walkIn", new DoorDesk.WalkIn("REGISTERED", "Hadiza Issoufou", "K7QM-4TZP-9XRD-HB3W", NINE_TWELVE, "A", "PRESS"));

        String page = french(model);
        String english = PageRendering.render("checkin/door", model, null, Locale.ENGLISH);

        assertThat(page).contains("id=\"walk-in-result\" class=\"door-result ok\"", "Inscrit(e) et entré(e) à 09:12, porte A",
                "Hadiza Issoufou", "Badge : K7QM-4TZP-9XRD-HB3W", "Écrivez ce code sur son badge papier.", "Presse");
        assertThat(english).contains("Registered and checked in at 09:12, door A", "Write this code on their paper badge.");
    }

    @Test
    void every_page_of_door_staff_and_organizers_takes_the_doors_lists_off_the_device_at_sign_out_and_no_one_elses() {
        Map<String, Object> staffPage = new HashMap<>();
        staffPage.put("user", desk().get("user"));
        staffPage.put("form", ml.sdn.portal.participant.attendance.BadgeClaimPagesTestAccess.emptyForm());
        Map<String, Object> participantPage = new HashMap<>(staffPage);
        participantPage.remove("user");

        String staff = PageRendering.render(ml.sdn.portal.participant.attendance.BadgeClaimPagesTestAccess.VIEW, staffPage, null,
                Locale.FRENCH);
        String participant = PageRendering.render(ml.sdn.portal.participant.attendance.BadgeClaimPagesTestAccess.VIEW,
                participantPage, null, Locale.FRENCH);

        assertThat(staff).contains("src=\"/assets/js/door-queue.js\"", "data-door-queued=\"{0} entrée(s) ou inscription(s)");
        assertThat(participant).doesNotContain("door-queue.js", "data-door-queued");
    }
}
