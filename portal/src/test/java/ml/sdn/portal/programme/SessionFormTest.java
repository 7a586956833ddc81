package ml.sdn.portal.programme;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionFormTest {

    private static SessionForm filled() {
        SessionForm form = SessionForm.blank();
        form.setTitleFr("Panel IA");
        form.setTitleEn("AI panel");
        form.setKind("PANEL");
        form.setRoom("Salle 1");
        form.setDay("2026-01-30");
        form.setStart("14:00");
        form.setEnd("15:30");
        form.setCapacity(" 80 ");
        form.getSpeakers().get(0).setName("Aminata Traoré");
        form.getSpeakers().get(0).setOrganization("AGETIC");
        return form;
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_day_and_times_become_bamako_times_and_empty_speaker_rows_are_dropped() {
        SessionForm.Request request = filled().request();

        assertThat(request.portalFaults()).isEmpty();
        assertThat(request.body()).containsEntry("startsAt", "2026-01-30T14:00").containsEntry("endsAt", "2026-01-30T15:30")
                .containsEntry("capacity", 80);
        assertThat((List<Object>) request.body().get("speakers")).containsExactly((Object) Map.of("name", "Aminata Traoré", "organization", "AGETIC"));
    }

    @Test
    void times_are_read_as_people_write_them() {
        SessionForm form = filled();
        for (String written : new String[] {"9:05", "9h05", "9 h 05", "09.05"}) {
            form.setStart(written);
            assertThat(form.request().body()).as(written).containsEntry("startsAt", "2026-01-30T09:05");
        }
        form.setStart("14h");
        assertThat(form.request().body()).containsEntry("startsAt", "2026-01-30T14:00");
        form.setStart("24:00");
        assertThat(form.request().portalFaults()).containsEntry("startsAt", "programme.form.time.invalid");
    }

    @Test
    void an_empty_capacity_is_open_to_all_and_one_that_is_not_a_number_is_never_sent_as_open() {
        SessionForm open = filled();
        open.setCapacity("");
        SessionForm garbled = filled();
        garbled.setCapacity("quarante");

        assertThat(open.request().body()).containsEntry("capacity", null);
        assertThat(garbled.request().portalFaults()).containsEntry("capacity", "programme.form.capacity.invalid");
        assertThat(garbled.request().body()).containsEntry("capacity", 0);
    }

    @Test
    void a_missing_day_or_a_time_that_is_not_one_is_named_and_sent_as_missing() {
        SessionForm form = filled();
        form.setDay("");
        form.setEnd("25h");

        SessionForm.Request request = form.request();

        assertThat(request.portalFaults()).containsEntry("startsAt", "programme.form.day.invalid")
                .containsEntry("endsAt", "programme.form.time.invalid");
        assertThat(request.body()).containsEntry("startsAt", null).containsEntry("endsAt", null);
    }
}
