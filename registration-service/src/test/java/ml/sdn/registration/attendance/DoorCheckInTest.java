package ml.sdn.registration.attendance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DoorCheckInTest {

    @Test
    void a_typed_code_in_any_case_without_dashes_is_the_badge_code() {
        assertThat(DoorCheckIn.code(" k7qm 4tzp9xrd-hb3w ")).isEqualTo("K7QM-4TZP-9XRD-HB3W");
    }

    @Test
    void text_that_cannot_be_a_badge_code_is_refused_as_malformed() {
        for (String typed : new String[]{"", "K7QM-4TZP-9XRD-HB3", "K7QM-4TZP-9XRD-HB3WX", "O7QM-4TZP-9XRD-HB3W", null}) {
            assertThatThrownBy(() -> DoorCheckIn.code(typed)).as(String.valueOf(typed))
                    .isInstanceOfSatisfying(DoorCheckIn.Refused.class,
                            r -> assertThat(r.reason()).isEqualTo(DoorCheckIn.Reason.MALFORMED_CODE));
        }
    }

    @Test
    void a_confirmed_holder_comes_in() {
        assertThatCode(() -> DoorCheckIn.admit(true, AttendanceStatus.CONFIRMED)).doesNotThrowAnyException();
    }

    @Test
    void a_code_no_badge_has_is_unknown_whatever_the_day() {
        assertRefused(false, null, DoorCheckIn.Reason.UNKNOWN_BADGE);
        assertRefused(false, AttendanceStatus.CONFIRMED, DoorCheckIn.Reason.UNKNOWN_BADGE);
    }

    @Test
    void a_real_badge_of_someone_not_registered_that_day_is_for_another_day() {
        assertRefused(true, null, DoorCheckIn.Reason.OTHER_DAY);
    }

    @Test
    void a_waiting_or_cancelled_registration_does_not_let_anyone_in() {
        assertRefused(true, AttendanceStatus.WAITING, DoorCheckIn.Reason.WAITING);
        assertRefused(true, AttendanceStatus.CANCELLED, DoorCheckIn.Reason.CANCELLED);
    }

    @Test
    void every_refusal_names_the_badge_code_and_has_its_own_message() {
        for (DoorCheckIn.Reason refusal : DoorCheckIn.Reason.values()) {
            assertThat(refusal.field()).isEqualTo("badgeCode");
            assertThat(refusal.messageKey()).startsWith("attendance.check-in.");
        }
        assertThat(java.util.Arrays.stream(DoorCheckIn.Reason.values()).map(DoorCheckIn.Reason::messageKey).distinct())
                .hasSize(DoorCheckIn.Reason.values().length);
    }

    @Test
    void the_same_check_in_sent_again_is_answered_as_the_one_that_counted() {
        assertThat(DoorCheckIn.outcomeOfRepeat("phone-1-0042", "phone-1-0042")).isEqualTo(DoorCheckIn.Outcome.FIRST);
    }

    @Test
    void another_scan_of_someone_already_in_is_reported_not_counted() {
        assertThat(DoorCheckIn.outcomeOfRepeat("phone-1-0042", "phone-2-0007")).isEqualTo(DoorCheckIn.Outcome.ALREADY_IN);
        // a check-in recorded without an id is matched by nobody's
        assertThat(DoorCheckIn.outcomeOfRepeat(null, null)).isEqualTo(DoorCheckIn.Outcome.ALREADY_IN);
        assertThat(DoorCheckIn.outcomeOfRepeat(null, "phone-2-0007")).isEqualTo(DoorCheckIn.Outcome.ALREADY_IN);
    }

    private static void assertRefused(boolean badgeKnown, AttendanceStatus status, DoorCheckIn.Reason expected) {
        assertThatThrownBy(() -> DoorCheckIn.admit(badgeKnown, status))
                .isInstanceOfSatisfying(DoorCheckIn.Refused.class, r -> assertThat(r.reason()).isEqualTo(expected));
    }
}
