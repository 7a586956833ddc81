package ml.sdn.portal.participant.applications;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationFormTest {

    @Test
    void a_new_draft_carries_the_category_and_no_organisation_for_a_project_holder_alone() {
        Map<String, String> form = new HashMap<>(Map.of("categoryId", "cat-1", "organizationId", "", "title", "  Marché vert  "));

        Map<String, Object> body = ApplicationForm.body(form, true);

        assertThat(body).containsEntry("categoryId", "cat-1").containsEntry("organizationId", null)
                .containsEntry("title", "Marché vert").containsEntry("summary", null).containsEntry("team", List.of());
    }

    @Test
    void an_edit_never_sends_the_category_or_the_organisation() {
        Map<String, Object> body = ApplicationForm.body(Map.of("categoryId", "cat-1", "organizationId", "org-1", "title", "T"), false);

        assertThat(body).doesNotContainKeys("categoryId", "organizationId");
    }

    @Test
    @SuppressWarnings("unchecked")
    void team_rows_left_empty_are_not_sent_and_half_filled_ones_are_so_the_service_names_the_missing_half() {
        Map<String, String> form = new HashMap<>();
        form.put("team0Name", "Awa");
        form.put("team0Role", "Porteuse");
        form.put("team1Name", " ");
        form.put("team2Role", "Comptable");

        Map<String, Object> body = ApplicationForm.body(form, false);

        List<?> team = (List<?>) body.get("team");
        assertThat(team).hasSize(2);
        assertThat((Map<Object, Object>) team.get(0)).containsEntry("name", "Awa").containsEntry("role", "Porteuse");
        assertThat((Map<Object, Object>) team.get(1)).containsEntry("name", null).containsEntry("role", "Comptable");
    }

    @Test
    void the_form_is_filled_back_from_what_the_service_holds() {
        MyApplication held = new MyApplication("a1", null, "e1", "c1", "PROJECT_CONTEST", null, null, null, "BF", "DRAFT",
                "Titre", "Résumé", null, null, null, "IDEA", "Agriculture",
                List.of(new MyApplication.TeamMember("Awa", "Porteuse")), null, null, List.of(), "SUBMISSION", null,
                true, false, false, null, null, null);

        Map<String, String> form = ApplicationForm.of(held);

        assertThat(form).containsEntry("title", "Titre").containsEntry("stage", "IDEA").containsEntry("team0Name", "Awa")
                .containsEntry("team0Role", "Porteuse").doesNotContainKey("team1Name");
        assertThat(held.mayTrySubmit()).isTrue();
        assertThat(held.isDraft()).isTrue();
    }
}
