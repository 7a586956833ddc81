package ml.sdn.portal.operations;

import ml.sdn.portal.organizer.When;
import ml.sdn.portal.participant.PageRendering;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The competition's audit trail as an organizer reads it: actions, people, categories and days in words. */
class AuditPageTest {

    private static Map<String, Object> entry(String action, String actorId, String actorName, String categoryId, String reason) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("id", "x-" + action);
        entry.put("at", "2027-03-20T10:15:00Z");
        entry.put("actorId", actorId);
        entry.put("actorName", actorName);
        entry.put("action", action);
        entry.put("editionId", "e4");
        entry.put("categoryId", categoryId);
        entry.put("subjectId", "a-1");
        entry.put("reason", reason);
        entry.put("details", Map.of("before", "12"));
        return entry;
    }

    private static Map<String, Object> model(int page, int totalPages) {
        Map<String, Object> model = new HashMap<>();
        model.put("when", new When());
        model.put("actions", AuditController.ACTIONS);
        model.put("edition", Map.of("id", "e4", "number", 4, "year", 2027, "theme", "Le numérique pour tous"));
        model.put("filters", new LinkedHashMap<>(Map.of("edition", "e4", "action", "DEADLINE_EXTENDED")));
        model.put("pageLink", "/organizer/audit?edition=e4&action=DEADLINE_EXTENDED");
        model.put("categories", AuditController.categoryNames(List.of(
                Map.of("id", "c1", "name", Map.of("fr", "Concours de projets", "en", "Project contest")))));
        model.put("result", Map.of("content", List.of(
                        entry("DEADLINE_EXTENDED", "o-1", "Moussa Keïta", "c1", "Coupure d'électricité à Niamey"),
                        entry("PHASE_CHANGED", null, null, "c1", null),
                        entry("SOMETHING_NEW", "o-2", null, "unknown", null)),
                "page", page, "size", 20, "totalElements", 45, "totalPages", totalPages));
        return model;
    }

    @Test
    void each_line_says_what_was_done_by_whom_when_and_why() {
        String page = PageRendering.render("operations/audit", model(1, 3), null, Locale.FRENCH);

        assertThat(page).contains("45 actions", "Date limite prolongée", "Moussa Keïta", "20 mars 2027, 10:15",
                        "Concours de projets", "Coupure d&#39;électricité à Niamey", "Phase d&#39;une catégorie changée",
                        "le service lui-même (tâche planifiée)", "Autre action", "une personne sans nom connu", "Page 2 sur 3",
                        "href=\"/organizer/audit?edition=e4&amp;action=DEADLINE_EXTENDED&amp;page=0\"",
                        "href=\"/organizer/audit?edition=e4&amp;action=DEADLINE_EXTENDED&amp;page=2\"")
                .containsPattern("<option value=\"DEADLINE_EXTENDED\" selected=\"selected\">Date limite prolongée</option>")
                .doesNotContain(">DEADLINE_EXTENDED<", ">PHASE_CHANGED<", "SOMETHING_NEW", "2027-03-20", "unknown");
        String english = PageRendering.render("operations/audit", model(0, 1), null, Locale.ENGLISH);
        assertThat(english).contains("45 actions", "Deadline extended", "Project contest", "the service itself (scheduled task)")
                .doesNotContain("next-page", "previous-page");
    }

    @Test
    void without_a_current_edition_the_page_says_so() {
        Map<String, Object> model = new HashMap<>();
        model.put("when", new When());
        model.put("actions", AuditController.ACTIONS);

        assertThat(PageRendering.render("operations/audit", model, null, Locale.FRENCH)).doesNotContain("id=\"filters\"")
                .contains("Journal du concours");
    }

    @Test
    void a_refused_filter_is_said_next_to_it() {
        Map<String, Object> model = model(0, 1);
        model.remove("result");
        model.put("problem", "La demande contient des erreurs.");
        model.put("fieldErrors", Map.of("action", "Cette action n'existe pas."));

        assertThat(PageRendering.render("operations/audit", model, null, Locale.FRENCH))
                .contains("id=\"action-error\"", "Cette action n&#39;existe pas.");
    }
}
