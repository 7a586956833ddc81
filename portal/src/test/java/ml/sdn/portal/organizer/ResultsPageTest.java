package ml.sdn.portal.organizer;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsPageTest {

    private static Map<String, Object> model(int finalists, int ranked, int pending) {
        Map<String, Object> category = new HashMap<>();
        category.put("name", Map.of("fr", "Défi start-up", "en", "Start-up challenge"));
        category.put("finalists", finalists);
        category.put("rankedFinalists", ranked);
        category.put("pendingFinalReviews", pending);
        category.put("ranking", List.of());
        category.put("awards", List.of());
        category.put("notAwarded", List.of());
        Map<String, Object> preview = new HashMap<>();
        preview.put("publishedAt", null);
        preview.put("blockers", List.of());
        preview.put("categories", List.of(category));
        preview.put("womenLedPrize", null);
        Map<String, Object> model = new HashMap<>();
        model.put("editionId", "e4");
        model.put("edition", Map.of("number", 4, "year", 2027));
        model.put("preview", preview);
        return model;
    }

    /** Where the final round stands, in words: one of a thing is not "1 things", none is not "0 things". */
    @Test
    void where_each_categorys_final_stands_is_said_in_words_in_french_and_english() {
        assertThat(OrganizerPages.render("organizer/results", model(3, 1, 0), Locale.FRENCH, null))
                .contains("3 finalistes, un classé, aucune évaluation finale en attente.");
        assertThat(OrganizerPages.render("organizer/results", model(1, 0, 2), Locale.FRENCH, null))
                .contains("Un finaliste, aucun classé, 2 évaluations finales en attente.");
        assertThat(OrganizerPages.render("organizer/results", model(3, 1, 0), Locale.ENGLISH, null))
                .contains("3 finalists, one ranked, no final review pending.");
    }
}
