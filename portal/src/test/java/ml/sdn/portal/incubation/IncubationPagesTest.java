package ml.sdn.portal.incubation;

import ml.sdn.portal.participant.PageRendering;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The organizer's incubation pages rendered from what incubation-service answers: words and dates in words, never codes. */
class IncubationPagesTest {

    private static final Incubation.Cohort COHORT = new Incubation.Cohort("co-1", "ed-1", "Cohorte Sahel 2027", "2027-01-15",
            "2027-07-15", 10, List.of(new Incubation.TemplateMilestone("business-model", "Modèle économique validé", null, 30,
            "2027-02-14"), new Incubation.TemplateMilestone("mvp", "MVP", null, 1, "2027-01-16")), 11, true);

    private static Map<String, Object> edition() {
        return Map.of("id", "ed-1", "number", 4, "year", 2027, "theme", "Numérique et souveraineté", "current", true,
                "archived", false);
    }

    private static Incubation.Incubatee incubatee(String status, String reason) {
        return new Incubation.Incubatee("in-1", "co-1", "Sahel Compost", "Coopérative Tilli", "NE", "START_UP_CHALLENGE",
                true, status, reason, new Incubation.CoachRef("c-1", "Coach Niger"), new Incubation.Progress(50, 1, 2, 0), 2,
                Instant.parse("2027-02-03T10:00:00Z"), new Incubation.Risk(true), Instant.parse("2027-01-15T08:00:00Z"), null,
                List.of(new Incubation.Assignment("c-0", "Awa Coach", Instant.parse("2027-01-15T08:00:00Z"),
                        Instant.parse("2027-01-20T08:00:00Z")),
                        new Incubation.Assignment("c-1", "Coach Niger", Instant.parse("2027-01-20T08:00:00Z"), null)));
    }

    private static List<Incubation.CoachLoad> coaches() {
        return List.of(new Incubation.CoachLoad("c-2", "Moussa Diarra", true, false, 0),
                new Incubation.CoachLoad("c-1", "Coach Niger", true, true, 3),
                new Incubation.CoachLoad("c-9", "Ancien Coach", false, true, 1));
    }

    private static Map<String, Object> cohortsModel(CohortForm form, Map<String, String> fieldErrors) {
        Map<String, Object> model = new HashMap<>();
        model.put("cohorts", List.of(COHORT));
        model.put("editions", Map.of("ed-1", edition()));
        Map<String, Object> open = new HashMap<>(edition());
        open.put("id", "ed-2");
        open.put("number", 5);
        open.put("year", 2028);
        model.put("openEditions", List.of(open));
        model.put("cohortForm", form);
        model.put("fieldErrors", fieldErrors);
        return model;
    }

    @Test
    void the_cohorts_are_listed_in_words_and_the_new_cohort_form_has_every_row() {
        String page = PageRendering.render("incubation/cohorts", cohortsModel(CohortForm.blank("ed-2", List.of()), null),
                null, Locale.FRENCH);

        assertThat(page).contains("Cohorte Sahel 2027", "4e édition (2027) — Numérique et souveraineté",
                        "du 15 janvier 2027 au 15 juillet 2027", "11 places prises sur 10", "2 jalons", "Plus d&#39;incubés que de places",
                        "href=\"/organizer/incubation/cohorts/co-1\"", "action=\"/organizer/incubation/cohorts\"",
                        "name=\"_csrf\" value=\"csrf-token\"", "Jalon 8", "novalidate")
                .containsPattern("<option value=\"ed-2\" selected=\"selected\">5e édition \\(2028\\)")
                .doesNotContain("2027-01-15", "business-model", "#{", "??");
        assertThat(page.split("name=\"milestoneTitle\"", -1)).hasSize(CohortForm.ROWS + 1);
        assertThat(PageRendering.render("incubation/cohorts", cohortsModel(CohortForm.blank("", List.of()), null), null,
                Locale.ENGLISH)).contains("from 15 January 2027 to 15 July 2027", "11 seats taken out of 10", "New cohort",
                "Milestone 8");
    }

    @Test
    void every_error_is_next_to_its_field_and_the_typed_values_come_back() {
        CohortForm typed = new CohortForm("ed-2", "", "2027-01-15", "2027-01-10", "douze",
                List.of(new CohortForm.Row("MVP", "400"), new CohortForm.Row("", ""), new CohortForm.Row("", ""),
                        new CohortForm.Row("", ""), new CohortForm.Row("", ""), new CohortForm.Row("", ""),
                        new CohortForm.Row("", ""), new CohortForm.Row("", "")));
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("name", "Le nom de la cohorte est obligatoire.");
        errors.put("endDate", "La fin doit venir après le début (15 janvier 2027).");
        errors.put("capacity", "Le nombre de places s'écrit en chiffres (entre 1 et 1000).");
        errors.put("milestoneDays-0", "L'échéance du jalon est un nombre de jours après le début, entre 0 et 730.");

        String page = PageRendering.french("incubation/cohorts", cohortsModel(typed, errors));

        assertThat(page).contains("id=\"name-error\"", "Le nom de la cohorte est obligatoire.", "id=\"endDate-error\"",
                "id=\"capacity-error\"", "value=\"douze\"", "id=\"milestoneDays-0-error\"", "value=\"400\"", "value=\"MVP\"");
    }

    @Test
    void a_cohort_shows_its_figures_template_incubatees_and_the_coaches_loads() {
        Map<String, Object> model = new HashMap<>();
        model.put("cohort", COHORT);
        model.put("edition", edition());
        model.put("summary", new Incubation.Summary(10, 11, 12, Map.of("ACTIVE", 9, "GRADUATED", 2, "DROPPED", 1),
                new LinkedHashMap<>(Map.of("ML", 5, "NE", 7)), Map.of("START_UP_CHALLENGE", 12, "PROJECT_CONTEST", 0),
                Map.of("womenLed", 4, "other", 8), new BigDecimal("37.5"), 1));
        model.put("incubatees", List.of(incubatee("ACTIVE", null)));
        model.put("moreIncubatees", false);
        model.put("coaches", coaches());

        String page = PageRendering.render("incubation/cohort", model, "created", Locale.FRENCH);

        assertThat(page).contains("La cohorte est créée.", "En incubation", "Diplômé", "Sorti du programme", "37,5 %",
                        "Niger", "Mali", "Start-up Challenge", "Modèle économique validé", "à rendre le 14 février 2027 (30 jours après le début)",
                        "(1 jour après le début)", "Coopérative Tilli, Niger", "en difficulté", "1 jalon validé sur 2 (50 %)",
                        "Moussa Diarra — aucun incubé actif", "Coach Niger — 3 incubés actifs", "Ancien Coach — 1 incubé actif",
                        "retiré de la liste", "pas encore connecté", "href=\"/organizer/incubation/incubatees/in-1\"")
                .doesNotContain("ACTIVE<", "START_UP_CHALLENGE", ">NE<", "2027-02-14");
        assertThat(PageRendering.render("incubation/cohort", model, null, Locale.ENGLISH))
                .contains("In incubation", "Left the programme", "Coach Niger — 3 active incubatees", "due on 14 February 2027");
    }

    @Test
    void an_active_incubatee_has_the_coach_graduate_and_drop_forms_and_a_dropped_one_its_reason() {
        Map<String, Object> model = new HashMap<>();
        model.put("incubatee", incubatee("ACTIVE", null));
        model.put("cohort", COHORT);
        model.put("coaches", coaches().subList(0, 2));
        model.put("fieldErrors", Map.of("reason", "Le motif de la sortie est obligatoire."));

        String active = PageRendering.render("incubation/incubatee", model, "assigned", Locale.FRENCH);

        assertThat(active).contains("Le coach est enregistré.", "Retour à la cohorte « Cohorte Sahel 2027 »", "Changer de coach",
                        "action=\"/organizer/incubation/incubatees/in-1/coach\"", "action=\"/organizer/incubation/incubatees/in-1/graduate\"",
                        "action=\"/organizer/incubation/incubatees/in-1/drop\"", "Le motif de la sortie est obligatoire.",
                        "2 séances, la dernière le 3 février 2027", "15 janvier 2027", "mené par une femme",
                        "Awa Coach, du 15 janvier 2027 au 20 janvier 2027", "Coach Niger, depuis le 20 janvier 2027")
                .containsPattern("<option value=\"c-1\"\\s+selected=\"selected\">Coach Niger — 3 incubés actifs</option>")
                .containsPattern("<option value=\"c-2\"\\s*>Moussa Diarra — aucun incubé actif</option>");

        model.put("incubatee", incubatee("DROPPED", "Le projet s'arrête : l'équipe se sépare."));
        model.remove("fieldErrors");
        String dropped = PageRendering.render("incubation/incubatee", model, "dropped", Locale.ENGLISH);
        assertThat(dropped).contains("The coaching has ended; the reason is recorded.", "Left the programme",
                "Le projet s&#39;arrête : l&#39;équipe se sépare.").doesNotContain("/drop\"", "/graduate\"", "/coach\"");
    }
}
