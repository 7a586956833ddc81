package ml.sdn.portal.participant.incubation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
import static org.assertj.core.api.Assertions.assertThat;

class IncubationPageTest {

    @Test
    void not_enrolled() {
        Map<String, Object> model = new HashMap<>();
        model.put("incubatees", List.of());
        model.put("milestones", Map.of());
        model.put("sessions", Map.of());
        model.put("form", Map.of());

        assertThat(french("participant/incubation", model)).contains("Vous n’êtes pas en incubation");
    }

    @Test
    void progress_milestones_and_sessions() {
        Incubation.Incubatee me = new Incubation.Incubatee("inc1", "Marché vert", "Coop", "ACTIVE",
                new Incubation.Coach("c1", "Coach Mali"), new Incubation.Progress(50, 1, 2, 1), 1, null, null);
        Incubation.Milestone todo = new Incubation.Milestone("m1", "MVP", "Prototype testé", null, LocalDate.of(2026, 12, 1),
                "SENT_BACK", true, null, null, "Ajoutez les chiffres", List.of("SUBMIT"));
        Incubation.Session session = new Incubation.Session("s1", "Coach Mali", LocalDateTime.of(2026, 11, 20, 9, 30), 60,
                "REMOTE", List.of("Finances"), "Bon début",
                List.of(new Incubation.AgreedAction("Tenir un tableau de caisse", LocalDate.of(2026, 11, 30))), null);
        Map<String, Object> model = new HashMap<>();
        model.put("incubatees", List.of(me));
        model.put("milestones", Map.of("inc1", List.of(todo)));
        model.put("sessions", Map.of("inc1", List.of(session)));
        model.put("form", Map.of("evidenceUrl", "http://x"));
        model.put("editing", "m1");
        model.put("fieldErrors", Map.of("evidenceUrl", "Un lien https est attendu."));

        String page = french("participant/incubation", model);

        assertThat(page).contains("50 % : 1 jalon(s) validé(s) sur 2 ; 1 en retard", "width=\"50\"", "À reprendre", "En retard",
                "Ajoutez les chiffres", "Un lien https est attendu.", "value=\"http://x\"", "Séance du 20 novembre 2026, 09:30 (60 min)",
                "Tenir un tableau de caisse (pour le 30 novembre 2026)", "Confirmer ma présence", "À distance");
    }
}
