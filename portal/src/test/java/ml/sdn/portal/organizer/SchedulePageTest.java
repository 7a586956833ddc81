package ml.sdn.portal.organizer;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A category's calendar and deadlines page, and an application's extension form, rendered from a model. */
class SchedulePageTest {

    private static Map<String, Object> phase(String phase, String start, String end) {
        Map<String, Object> window = new HashMap<>();
        window.put("phase", phase);
        window.put("start", start);
        window.put("end", end);
        return window;
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("editionId", "e4");
        model.put("base", "/organizer/editions/e4/categories/c1");
        model.put("category", Map.of("id", "c1", "name", Map.of("fr", "Défi start-up", "en", "Start-up challenge"),
                "currentPhase", "EVALUATION", "phases", List.of(phase("SUBMISSION", "2027-03-01T08:00", "2027-04-01T18:00:30"),
                        phase("EVALUATION", "2027-04-01T18:00:30", "2027-05-01T08:00"), phase("CLOSED", "2027-05-01T08:00", null))));
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("SUBMISSION", "2027-03-01T08:00");
        shown.put("EVALUATION", "2027-04-01T18:00");
        shown.put("CLOSED", "2027-05-01T08:00");
        model.put("shownPhases", shown);
        Map<String, Object> everyone = new HashMap<>(Map.of("id", "x1", "untilLocal", "2027-04-08T18:00", "reason", "Coupure d’internet à Niamey",
                "extendedBy", "o-1", "extendedByName", "Moussa Keïta", "extendedAt", "2027-04-02T09:15:00Z"));
        everyone.put("applicantId", null);
        model.put("extensions", List.of(everyone, Map.of("id", "x2", "applicantId", "p-7", "untilLocal", "2027-04-05T12:00",
                "reason", "Hospitalisée", "extendedBy", "o-1", "extendedByName", "Moussa Keïta", "extendedAt", "2027-04-02T10:00:00Z")));
        model.put("applicants", Map.of("p-7", Map.of("applicantName", "Aïssata Maïga", "title", "Pompes solaires")));
        return model;
    }

    @Test
    void the_calendar_and_the_extensions_are_read_in_words_with_the_forms_to_change_them() {
        String page = OrganizerPages.render("organizer/schedule", model(), Locale.FRENCH, null);

        assertThat(page).contains("Calendrier et délais — Défi start-up", "Dépôt des candidatures", "du 1 mars 2027, 08:00 au 1 avril 2027, 18:00",
                        "à partir du 1 mai 2027, 08:00", "name=\"phases[EVALUATION]\"", "value=\"2027-04-01T18:00\"",
                        "action=\"/organizer/editions/e4/categories/c1/schedule/phases\"",
                        "action=\"/organizer/editions/e4/categories/c1/schedule/extensions\"",
                        "Toute la catégorie", "jusqu’au 8 avril 2027, 18:00", "accordée par Moussa Keïta le 2 avril 2027, 09:15 : « Coupure d’internet à Niamey »",
                        "Aïssata Maïga pour « Pompes solaires »", "jusqu’au 5 avril 2027, 12:00", "name=\"_csrf\"")
                .doesNotContain("EVALUATION<", ">2027-", "p-7<");
        assertThat(OrganizerPages.render("organizer/schedule", model(), Locale.ENGLISH, null))
                .contains("Calendar and deadlines", "from 1 March 2027, 08:00 to 1 April 2027, 18:00", "The whole category", "Extend the deadline");
    }

    @Test
    void every_error_is_next_to_its_field_with_what_was_typed() {
        Map<String, Object> model = model();
        model.put("problem", "La demande contient des erreurs.");
        model.put("fieldErrors", Map.of("phases.CLOSED", "La phase « Clôturé » doit commencer après le début de la phase « Évaluation ».",
                "rescheduleReason", "La raison du changement de calendrier est obligatoire."));
        model.put("typedPhases", Map.of("SUBMISSION", "2027-03-01T08:00", "EVALUATION", "2027-04-01T18:00", "CLOSED", "2027-03-15T08:00"));

        String page = OrganizerPages.render("organizer/schedule", model, Locale.FRENCH, null);

        assertThat(page).contains("id=\"phases.CLOSED-error\"", "value=\"2027-03-15T08:00\"", "aria-describedby=\"phases.CLOSED-error\"")
                .containsOnlyOnce("id=\"rescheduleReason-error\"").doesNotContain("id=\"extensionReason-error\"", "id=\"reason-error\"");
    }

    @Test
    void an_application_shows_its_deadline_in_words_and_the_form_to_extend_it() {
        Map<String, Object> item = new HashMap<>(Map.of("id", "a1", "editionId", "e4", "categoryId", "c1", "title", "Pompes solaires",
                "status", "SUBMITTED", "deadlineLocal", "2027-04-01T18:00"));
        for (String absent : List.of("reference", "categoryName", "organizationName", "country", "submittedAt", "summary",
                "problem", "solution", "targetUsers", "team", "pitchDeckUrl")) {
            item.put(absent, null);
        }
        Map<String, Object> model = new HashMap<>(Map.of("item", item, "typedUntil", "2027-04-03T18:00",
                "fieldErrors", Map.of("reason", "Le motif est obligatoire.")));

        String page = OrganizerPages.render("organizer/application", model, Locale.FRENCH, null);

        assertThat(page).contains("Échéance de dépôt", "1 avril 2027, 18:00", "action=\"/organizer/applications/a1/extension\"",
                "value=\"2027-04-03T18:00\"", "id=\"reason-error\"", "Le motif est obligatoire.",
                "href=\"/organizer/editions/e4/categories/c1/schedule\"");
    }
}
