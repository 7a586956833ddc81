package ml.sdn.portal.organizer;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The organizer's delegation page rendered from a model (its template, the layout, both bundles). */
class DelegationPageTest {

    private static final Map<String, Object> PERSON = Map.of("participantId", "p-1", "displayName", "Awa Traoré",
            "country", "BF", "history", List.of(Map.of("previousCountry", "ML", "country", "BF",
                    "reason", "Vit à Ouagadougou", "changedBy", "o-1", "changedByName", "Moussa Keïta",
                    "changedAt", "2026-12-01T10:00:00Z")));

    @Test
    void every_error_is_next_to_its_field_and_what_was_typed_stays() {
        Map<String, Object> model = model();
        model.put("country", "");
        model.put("reason", "Parce que");
        model.put("problem", "La demande contient des erreurs.");
        model.put("fieldErrors", Map.of("country", "choisissez la délégation", "reason", "500 caractères au plus"));

        String page = render(model, Locale.FRENCH);

        assertThat(page).contains("id=\"country-error\"", "choisissez la délégation", "id=\"reason-error\"",
                "500 caractères au plus", ">Parce que</textarea>", "La demande contient des erreurs.");
    }

    @Test
    void countries_are_read_by_their_names_in_french_and_english() {
        String french = render(model(), Locale.FRENCH);
        String english = render(model(), Locale.ENGLISH);

        assertThat(french).contains("Délégation de Awa Traoré", "<dd id=\"current-country\">Burkina Faso</dd>",
                "<td>Mali</td>", "Vit à Ouagadougou", "Moussa Keïta", "1 décembre 2026", "<option value=\"NE\">Niger</option>");
        assertThat(english).contains("Delegation of Awa Traoré", "Change delegation", "<td>Mali</td>");
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("person", PERSON);
        model.put("countries", OrganizerDelegationController.COUNTRIES);
        model.put("country", "");
        model.put("reason", "");
        return model;
    }

    private static String render(Map<String, Object> model, Locale locale) {
        return OrganizerPages.render("organizer/delegation", model, locale, null);
    }
}
