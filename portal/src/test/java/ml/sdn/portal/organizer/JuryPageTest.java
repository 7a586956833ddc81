package ml.sdn.portal.organizer;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A category's jury page rendered from a model: progress in words, conflicts, manual assignment and removal with errors. */
class JuryPageTest {

    private static Map<String, Object> juror(String username, String name, int pending, int submitted, boolean available) {
        return Map.of("id", "p-" + username, "username", username, "displayName", name, "organisationCount", 0,
                "available", available, "pendingReviews", pending, "submittedReviews", submitted);
    }

    private static Map<String, Object> review(String id, String status, String username, boolean manual, String endReason) {
        Map<String, Object> review = new HashMap<>();
        review.put("reviewId", id);
        review.put("applicationId", "a-" + id);
        review.put("reference", "SDN-2027-000" + id.length());
        review.put("round", "PRESELECTION");
        review.put("status", status);
        review.put("username", username);
        review.put("manual", manual);
        review.put("endReason", endReason);
        return review;
    }

    static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("editionId", "e4");
        model.put("base", "/organizer/editions/e4/categories/c1");
        model.put("category", Map.of("id", "c1", "name", Map.of("fr", "Défi start-up", "en", "Start-up challenge"),
                "currentPhase", "EVALUATION"));
        model.put("categories", List.of(Map.of("id", "c1", "name", Map.of("fr", "Défi start-up", "en", "Start-up challenge")),
                Map.of("id", "c2", "name", Map.of("fr", "Concours de projets", "en", "Project contest"))));
        model.put("roster", Map.of("categoryId", "c1", "jurors", List.of(juror("jury-ml", "Awa Traoré", 2, 1, true),
                juror("jury-bf", "Issa Ouédraogo", 0, 0, false))));
        model.put("assignments", Map.of("content", List.of(review("r1", "ASSIGNED", "jury-ml", true, null),
                review("r22", "SUBMITTED", "jury-ml", false, null),
                review("r333", "REMOVED", "jury-bf", false, "Absent cette semaine"))));
        model.put("conflicts", Map.of("content", List.of(review("r4444", "CONFLICTED", "jury-ne", false, "Mon cousin dirige l’équipe"))));
        model.put("submitted", Map.of("content", List.of(Map.of("id", "a-1", "reference", "SDN-2027-0001", "title", "Pompes solaires"))));
        return model;
    }

    @Test
    void each_juror_s_progress_and_the_conflicts_are_read_in_words_in_french_and_english() {
        String page = OrganizerPages.render("organizer/jury", model(), Locale.FRENCH, null);

        assertThat(page).contains("3 évaluations confiées : 1 notée, 2 à faire.", "aucune évaluation confiée : aucune notée, rien à faire.",
                        "(profil effacé", "jury-ne sur SDN-2027-0005 (Présélection) : « Mon cousin dirige l’équipe »",
                        "href=\"/organizer/editions/e4/categories/c2/jury\"", "Concours de projets",
                        "action=\"/organizer/editions/e4/categories/c1/jury/manual\"", "SDN-2027-0001 — Pompes solaires",
                        "Awa Traoré (jury-ml)", "(manuelle)", "Absent cette semaine",
                        "action=\"/organizer/editions/e4/categories/c1/jury/assignments/r1/remove\"",
                        "action=\"/organizer/editions/e4/categories/c1/jury/assignments/r22/remove\"", "name=\"_csrf\"")
                .doesNotContain("jury/assignments/r333/remove", "ASSIGNED<", "PRESELECTION<", "removeReason-error");
        String english = OrganizerPages.render("organizer/jury", model(), Locale.ENGLISH, null);
        assertThat(english).contains("3 reviews assigned: 1 scored, 2 left to do.", "no review assigned: 0 scored, nothing left to do.",
                "Conflicts of interest declared", "Give an application to a juror", "Take the review away");
    }

    /** What an automatic run did, in words: one of a thing is not "1 things". */
    @Test
    void a_runs_result_is_said_in_words_in_french_and_english() {
        Map<String, Object> model = model();
        model.put("run", Map.of("applications", 1, "jurors", 3, "added", 0, "complete", true, "balanced", false));

        assertThat(OrganizerPages.render("organizer/jury", model, Locale.FRENCH, null)).contains(
                "Répartition faite : une candidature, 3 jurés, aucune affectation ajoutée ; complète : oui ; équilibrée : non.");
        assertThat(OrganizerPages.render("organizer/jury", model, Locale.ENGLISH, null)).contains(
                "Assignment done: one application, 3 jurors, no assignment added; complete: yes; balanced: no.");
        model.put("run", Map.of("applications", 12, "jurors", 1, "added", 36, "complete", false, "balanced", true));
        assertThat(OrganizerPages.render("organizer/jury", model, Locale.FRENCH, null)).contains(
                "Répartition faite : 12 candidatures, un juré, 36 affectations ajoutées ; complète : non ; équilibrée : oui.");
    }

    @Test
    void every_error_of_the_manual_assignment_is_next_to_its_field_with_what_was_chosen_kept() {
        Map<String, Object> model = model();
        model.put("problem", "La demande contient des erreurs.");
        model.put("fieldErrors", Map.of("applicationId", "La candidature est obligatoire.",
                "username", "Ce juré ne fait pas partie du jury de la catégorie : ajoutez-le d’abord au jury.",
                "reason", "La raison est obligatoire."));
        model.put("manual", Map.of("applicationId", "", "username", "jury-ml", "round", "FINAL", "reason", ""));

        String page = OrganizerPages.render("organizer/jury", model, Locale.FRENCH, null);

        assertThat(page).contains("id=\"applicationId-error\"", "id=\"username-error\"", "id=\"reason-error\"",
                        "La raison est obligatoire.", "ajoutez-le d’abord au jury.")
                .containsPattern("<option value=\"jury-ml\"\\s+selected=\"selected\">")
                .containsPattern("<option value=\"FINAL\"\\s+selected=\"selected\">");
    }

    @Test
    void a_removal_without_reason_is_said_next_to_that_review_s_field_only() {
        Map<String, Object> model = model();
        model.put("fieldErrors", Map.of("removeReason", "La raison est obligatoire."));
        model.put("removing", "r22");

        String page = OrganizerPages.render("organizer/jury", model, Locale.FRENCH, null);

        assertThat(page).containsOnlyOnce("id=\"removeReason-error\"")
                .containsPattern("id=\"remove-reason-r22\" name=\"reason\" maxlength=\"500\"\\s+value=\"\" aria-describedby=\"removeReason-error\"")
                .containsPattern("<details open=\"open\">\\s*<summary>Retirer au juré</summary>\\s*<form method=\"post\" action=\"/organizer/editions/e4/categories/c1/jury/assignments/r22/remove\"");
    }
}
