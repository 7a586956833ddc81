package ml.sdn.portal.coach;

import ml.sdn.portal.jury.JuryTemplatesTestAccess;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The coach's templates render with the bundles, in French (no service, no browser). */
class CoachTemplatesTest {

    private static final Coaching.Progress PROGRESS = new Coaching.Progress(50, 1, 2, 1);
    private static final Coaching.Risk RISK = new Coaching.Risk(true, List.of("NO_RECENT_SESSION"), 1, Instant.now(), Instant.now());

    @Test
    void the_dashboard_draws_the_progress_chart_with_its_table() {
        List<Coaching.Dashboard.Entry> entries = List.of(new Coaching.Dashboard.Entry("i1", "c1", "Sahel Compost", "Sahel SARL", "NE",
                "START_UP_CHALLENGE", true, PROGRESS, 0, null, RISK, Instant.now()));
        Map<String, Object> model = new HashMap<>();
        model.put("dashboard", new Coaching.Dashboard(1, 1, entries));
        model.put("entries", entries);
        model.put("chart", ProgressChart.of(List.of(new ProgressChart.Item("Sahel Compost", 50))));

        assertThat(JuryTemplatesTestAccess.render("coach/dashboard", model, "/coach"))
                .contains("1 incubé actif, dont 1 à risque", "class=\"bar\"", "1 jalon validé sur 2 (50 %)", "Aucune séance",
                        "pas de séance depuis 14 jours", "viewBox=\"0 0 340 36\"");
    }

    @Test
    void the_incubatee_page_shows_milestones_sessions_the_form_and_kpis() {
        Map<String, Object> model = new HashMap<>();
        model.put("incubatee", new Coaching.Incubatee("i1", "c1", "e1", "a1", "cat", "START_UP_CHALLENGE", "Sahel Compost", "o1",
                "Sahel SARL", "NE", true, "ACTIVE", null, new Coaching.CoachRef("k1", "Coach"), PROGRESS, 1,
                Instant.parse("2026-11-20T10:00:00Z"), RISK, Instant.now()));
        model.put("milestones", List.of(new Coaching.Milestone("m1", "i1", "business-model", "Modèle économique", null,
                LocalDate.of(2026, 12, 20), false, "SUBMITTED", false, "https://example.org/p.pdf", "Fait", null,
                List.of("VALIDATE", "SEND_BACK"))));
        model.put("sessions", List.of(new Coaching.Session("s1", "Coach", LocalDateTime.of(2026, 11, 20, 10, 0), 90, "REMOTE",
                List.of("Prix"), "Revoir", "Fragile", List.of(new Coaching.Action("Tester", LocalDate.of(2026, 11, 27))), null)));
        model.put("sessionForm", SessionForm.blank(LocalDateTime.of(2026, 11, 28, 9, 30)));
        model.put("kpis", KpiCharts.of(new Coaching.KpiSeries("i1", List.of("2026-10", "2026-11"),
                Map.of("jobsCreated", List.of(1, 3), "customers", List.of(10, 12)))));
        model.put("fieldErrors", Map.of("feedback-m1", "Le retour est obligatoire.", "actions[0].dueDate", "Échéance requise"));
        model.put("typedFor", "m1");
        model.put("typed", Map.of("feedback", ""));

        assertThat(JuryTemplatesTestAccess.render("coach/incubatee", model, "/coach/incubatees/i1"))
                .contains("Valider le jalon « Modèle économique »", "id=\"feedback-m1-error\"", "90 min, à distance",
                        "Notes privées : Fragile", "Tester (pour le 27 novembre 2026)", "value=\"2026-12-05\"",
                        "id=\"actions[0].dueDate-error\"", "Emplois créés", "En incubation");
    }
}
