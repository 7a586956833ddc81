package ml.sdn.portal.coach;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionFormTest {

    @Test
    void a_blank_form_is_for_a_session_held_now_with_actions_due_in_a_week() {
        SessionForm form = SessionForm.blank(LocalDateTime.of(2026, 11, 20, 10, 17, 42));

        assertThat(form.date()).isEqualTo("2026-11-20");
        assertThat(form.time()).isEqualTo("10:17");
        assertThat(form.actionDue()).containsExactly("2026-11-27", "2026-11-27", "2026-11-27");
        assertThat(form.actionDescription()).containsExactly("", "", "");
        assertThat(form.body().get("actions")).isEqualTo(List.of());
    }

    @Test
    void becomes_the_body_the_service_reads() {
        SessionForm form = new SessionForm("2026-11-20", "10:00", "90", "REMOTE", "Prix\n\n  Clients \r\n", " Revoir ", "",
                List.of("Tester trois prix", "", ""), List.of("2026-11-27", "2026-11-27", "2026-11-27"));

        Map<String, Object> body = form.body();

        assertThat(body).containsEntry("heldAt", "2026-11-20T10:00").containsEntry("durationMinutes", 90)
                .containsEntry("mode", "REMOTE").containsEntry("topics", List.of("Prix", "Clients"))
                .containsEntry("notes", "Revoir").containsEntry("privateNotes", null);
        assertThat(body.get("actions")).isEqualTo(List.of(Map.of("description", "Tester trois prix", "dueDate", "2026-11-27")));
    }

    @Test
    void keeps_rows_up_to_the_last_action_so_that_the_service_names_the_form_row() {
        SessionForm form = new SessionForm("2026-11-20", "", "abc", "", "", "", "", List.of("", "Appeler la banque"),
                List.of("2026-11-27", ""));

        assertThat(form.actions()).hasSize(2);
        assertThat(form.actions().get(1)).containsEntry("dueDate", null);
        assertThat(form.body()).containsEntry("heldAt", null).containsEntry("durationMinutes", -1).containsEntry("mode", null);
    }

    @Test
    void the_services_field_names_become_the_forms() {
        assertThat(SessionForm.formFields(Map.of("topics[1]", "Sujet vide", "actions[0].dueDate", "Échéance requise")))
                .containsEntry("topics", "Sujet vide").containsEntry("actions[0].dueDate", "Échéance requise");
    }
}
