package ml.sdn.notification.preferences;

import ml.sdn.notification.catalogue.NotificationKind;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmailChoicesTest {

    @Test
    void switches_optional_kinds_on_and_off() {
        EmailChoices.Reading reading = EmailChoices.read(ordered(
                "PROFILE_CREATED", false,
                "ATTENDANCE_CONFIRMED", true));

        assertThat(reading.rejected()).isFalse();
        assertThat(reading.changes()).containsExactly(
                Map.entry(NotificationKind.PROFILE_CREATED, false),
                Map.entry(NotificationKind.ATTENDANCE_CONFIRMED, true));
    }

    @Test
    void a_required_kind_left_on_is_accepted_and_changes_nothing() {
        EmailChoices.Reading reading = EmailChoices.read(ordered("ATTENDANCE_PROMOTED", true, "MEMBER_INVITED", true));

        assertThat(reading.rejected()).isFalse();
        assertThat(reading.changes()).isEmpty();
    }

    @Test
    void a_required_kind_cannot_be_switched_off() {
        EmailChoices.Reading reading = EmailChoices.read(ordered("PROFILE_CREATED", false, "ATTENDANCE_PROMOTED", false));

        assertThat(reading.rejection()).isEqualTo(
                new EmailChoices.Rejection("ATTENDANCE_PROMOTED", EmailChoices.Problem.REQUIRED_KIND));
    }

    @Test
    void an_unknown_kind_is_named_in_the_rejection_even_if_it_differs_only_by_case() {
        assertThat(EmailChoices.read(ordered("profile_created", false)).rejection())
                .isEqualTo(new EmailChoices.Rejection("profile_created", EmailChoices.Problem.UNKNOWN_KIND));
        assertThat(EmailChoices.read(ordered("$where", false)).rejection())
                .isEqualTo(new EmailChoices.Rejection("$where", EmailChoices.Problem.UNKNOWN_KIND));
    }

    @Test
    void a_very_long_unknown_key_is_named_cut_short() {
        String key = "X".repeat(500);

        EmailChoices.Rejection rejection = EmailChoices.read(ordered(key, false)).rejection();

        assertThat(rejection.key()).isEqualTo("X".repeat(60) + "…");
    }

    @Test
    void a_kind_without_a_value_is_rejected() {
        Map<String, Boolean> requested = new HashMap<>();
        requested.put("PROFILE_CREATED", null);

        assertThat(EmailChoices.read(requested).rejection())
                .isEqualTo(new EmailChoices.Rejection("PROFILE_CREATED", EmailChoices.Problem.NO_VALUE));
    }

    @Test
    void e_mail_is_on_unless_stored_off_and_always_on_for_a_required_kind() {
        Map<String, Boolean> stored = Map.of("PROFILE_CREATED", false, "ATTENDANCE_PROMOTED", false,
                "ATTENDANCE_CONFIRMED", true, "A_KIND_THAT_WAS_REMOVED", false);

        assertThat(EmailChoices.emailOn(NotificationKind.PROFILE_CREATED, stored)).isFalse();
        assertThat(EmailChoices.emailOn(NotificationKind.ATTENDANCE_CONFIRMED, stored)).isTrue();
        assertThat(EmailChoices.emailOn(NotificationKind.ATTENDANCE_CANCELLED, stored)).isTrue();
        assertThat(EmailChoices.emailOn(NotificationKind.ATTENDANCE_PROMOTED, stored)).isTrue();
        assertThat(EmailChoices.emailOn(NotificationKind.PROFILE_CREATED, null)).isTrue();
    }

    private static Map<String, Boolean> ordered(Object... keysAndValues) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Boolean) keysAndValues[i + 1]);
        }
        return map;
    }
}
