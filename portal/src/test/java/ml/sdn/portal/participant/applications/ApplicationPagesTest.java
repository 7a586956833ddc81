package ml.sdn.portal.participant.applications;

import ml.sdn.portal.home.PublicEdition;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
import static ml.sdn.portal.participant.PageRendering.render;
import static org.assertj.core.api.Assertions.assertThat;

class ApplicationPagesTest {

    static final PublicEdition.Category CONTEST = new PublicEdition.Category("c1", "PROJECT_CONTEST",
            new PublicEdition.Text("Concours de projets", "Project contest"), List.of("PROJECT_TEAM"), List.of("Agriculture", "Santé"),
            List.of(new PublicEdition.PhaseWindow("SUBMISSION", LocalDateTime.of(2026, 11, 1, 8, 0), LocalDateTime.of(2026, 12, 1, 8, 0))),
            "SUBMISSION");

    static MyApplication submitted() {
        return new MyApplication("a1", "SDN7-PRC-0001", "e1", "c1", "PROJECT_CONTEST", CONTEST.name(), null, null, "BF",
                "SUBMITTED", "Marché vert", "Résumé", "Problème", "Solution", "Maraîchers", "PROTOTYPE", "Agriculture",
                List.of(new MyApplication.TeamMember("Awa", "Porteuse")), "https://example.org/p.pdf",
                new MyApplication.Attachment("plan.pdf", 20480, null), List.of(), "SUBMISSION",
                LocalDateTime.of(2026, 12, 1, 8, 0), true, false, true, null, new MyApplication.Selection("PRESELECTED"), null);
    }

    @Test
    void the_list_shows_status_reference_and_deadline_in_french() {
        String page = french("participant/applications", Map.of("applications", List.of(new ApplicationLine("a1", "SDN7-PRC-0001",
                "c1", "PROJECT_CONTEST", CONTEST.name(), "Marché vert", "SUBMITTED", "SUBMISSION",
                LocalDateTime.of(2026, 12, 1, 8, 0), 0, true, false, true, false, null))));

        assertThat(page).contains("Mes candidatures", "SDN7-PRC-0001", "Soumise", "1 décembre 2026, 08:00", "Concours de projets");
    }

    @Test
    void the_new_draft_form_shows_each_category_deadline_and_a_field_error_next_to_its_field() {
        Map<String, Object> model = new HashMap<>();
        model.put("edition", "e1");
        model.put("categories", List.of(CONTEST));
        model.put("organizations", List.of(new ApplicationsController.OrganizationChoice("o1", "Coop", "PROJECT_TEAM")));
        model.put("form", new HashMap<>(Map.of("summary", "Un résumé")));
        model.put("teamRows", ApplicationForm.TEAM_ROWS);
        model.put("fieldErrors", Map.of("title", "Le titre est obligatoire.", "team[0].name", "Le nom est obligatoire."));
        model.put("problem", "La demande n’est pas valide.");

        String page = french("participant/application-new", model);

        assertThat(page).contains("Date limite de dépôt : 1 décembre 2026, 08:00", "Coop", "Agriculture", "name=\"_csrf\"")
                .contains("id=\"title-error\"", "Le titre est obligatoire.", "id=\"team[0].name-error\"", ">Un résumé</textarea>");
    }

    @Test
    void a_submitted_application_shows_its_receipt_and_offers_withdrawing_and_editing() {
        MyApplication application = submitted();
        Map<String, Object> model = new HashMap<>();
        model.put("myApplication", application);
        model.put("form", ApplicationForm.of(application));
        model.put("teamRows", ApplicationForm.TEAM_ROWS);
        model.put("categories", List.of(CONTEST));

        String page = render("participant/application", model, "submitted", Locale.FRENCH);

        assertThat(page).contains("Votre candidature est soumise. Référence du récépissé : SDN7-PRC-0001", "Retirer la candidature",
                "Présélectionnée", "plan.pdf (20 Ko)", "Enregistrer les modifications").doesNotContain("Soumettre la candidature");
        // the PDF form's answer opens at its own section, where a refusal shows next to the field (no script to scroll)
        assertThat(page).contains("<section id=\"pdf\">").contains("attachment#pdf\"");
        assertThat(render("participant/application", model, null, Locale.ENGLISH)).contains("Withdraw the application", "Submitted");
    }

    @Test
    void the_jury_comments_show_numbered_without_names_and_scores_only_when_shared() {
        Map<String, Object> model = new HashMap<>();
        model.put("myApplication", submitted());
        model.put("form", ApplicationForm.of(submitted()));
        model.put("teamRows", ApplicationForm.TEAM_ROWS);
        model.put("categories", List.of(CONTEST));
        model.put("feedback", new JuryFeedback(false, List.of(new JuryFeedback.Review(1, List.of(
                new JuryFeedback.Comment("impact", new PublicEdition.Text("Impact", "Impact"), null, "Chiffrez le nombre de maraîchers."))))));

        String page = french("participant/application", model);

        assertThat(page).contains("id=\"jury-feedback\"", "Avis du jury", "Avis 1", "Impact", "Chiffrez le nombre de maraîchers.")
                .doesNotContain("Note :");
        model.put("feedback", new JuryFeedback(true, List.of(new JuryFeedback.Review(1, List.of(
                new JuryFeedback.Comment("impact", new PublicEdition.Text("Impact", "Impact"), 7.5, null))))));
        assertThat(french("participant/application", model)).contains("Note : 7,5.");
        model.remove("feedback");
        assertThat(french("participant/application", model)).doesNotContain("Avis du jury");
    }
}
