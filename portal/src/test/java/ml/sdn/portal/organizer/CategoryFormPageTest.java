package ml.sdn.portal.organizer;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ml.sdn.portal.participant.PageRendering.french;
import static org.assertj.core.api.Assertions.assertThat;

/** The category form shows every field the service names in one answer, each next to its own field. */
class CategoryFormPageTest {

    @Test
    void names_labels_weights_and_phases_are_shown_together_next_to_their_fields() {
        CategoryForm form = CategoryForm.blank();
        Map<String, Object> model = new HashMap<>();
        model.put("edition", Map.of("id", "e1", "number", 7, "year", 2027, "theme", "Le numérique",
                "startDate", "2027-11-22", "endDate", "2027-11-26", "venue", "CICB, Bamako"));
        model.put("categories", List.of());
        model.put("phases", CategoryForm.PHASES);
        model.put("when", new When());
        model.put("categoryForm", form);
        model.put("fieldErrors", Map.of("name.en", "Le nom anglais est obligatoire.",
                "criteria", "Les poids des critères doivent totaliser 100 (total actuel : 90).",
                "criteria[2].label.fr", "Le libellé est obligatoire.",
                "criteria[1].code", "Le code est invalide.",
                "phases.PRESELECTION", "La phase PRESELECTION doit commencer après le début de la phase EVALUATION."));

        String page = french("organizer/edition", model);

        assertThat(page).contains("id=\"name.en-error\"", "id=\"criteria-error\"", "id=\"criteria[2].label.fr-error\"",
                "id=\"criteria[1].code-error\"", "id=\"phases.PRESELECTION-error\"",
                "aria-describedby=\"criteria[2].label.fr-error\"", "Le libellé est obligatoire.");
    }
}
