package ml.sdn.portal.organizer;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RosterErrorsTest {

    @Test
    void every_refused_person_of_the_roster_is_said_next_to_the_one_field_of_the_page() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("usernames[3]", "participant-ml ne peut pas faire partie du jury de cette catégorie : cette personne y est candidate.");
        errors.put("usernames[1]", "jury-bf ne peut pas faire partie du jury de cette catégorie : cette personne est membre d'une organisation qui y est candidate.");
        errors.put("round", "autre chose");

        assertThat(OrganizerCategoryController.rosterErrors(errors))
                .contains("participant-ml ne peut pas", "jury-bf ne peut pas").doesNotContain("autre chose");
        assertThat(OrganizerCategoryController.rosterErrors(Map.of("round", "x"))).isNull();
    }
}
