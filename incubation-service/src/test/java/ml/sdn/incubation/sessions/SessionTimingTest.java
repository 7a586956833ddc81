package ml.sdn.incubation.sessions;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTimingTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 10, 15, 0);
    private static final LocalDate COHORT_START = LocalDate.of(2026, 2, 1);

    @Test
    void a_session_held_earlier_today_or_on_the_cohorts_first_morning_is_fine() {
        assertThat(SessionTiming.check(LocalDateTime.of(2026, 3, 10, 9, 30), COHORT_START, List.of(), NOW)).isEmpty();
        assertThat(SessionTiming.check(LocalDateTime.of(2026, 2, 1, 0, 0), COHORT_START, List.of(), NOW)).isEmpty();
    }

    @Test
    void a_session_in_the_future_is_refused_beyond_five_minutes_of_clock_leeway() {
        assertThat(SessionTiming.check(NOW.plusMinutes(5), COHORT_START, List.of(), NOW)).isEmpty();
        assertThat(SessionTiming.check(NOW.plusMinutes(6), COHORT_START, List.of(), NOW)).hasValueSatisfying(rejection -> {
            assertThat(rejection.field()).isEqualTo("heldAt");
            assertThat(rejection.messageKey()).isEqualTo("coaching.session.heldAt.future");
        });
        assertThat(SessionTiming.check(LocalDateTime.of(2026, 3, 11, 9, 0), COHORT_START, List.of(), NOW)).isPresent();
    }

    @Test
    void a_session_before_the_cohort_started_is_refused_naming_the_start() {
        assertThat(SessionTiming.check(LocalDateTime.of(2026, 1, 31, 23, 59), COHORT_START, List.of(), NOW))
                .hasValueSatisfying(rejection -> {
                    assertThat(rejection.field()).isEqualTo("heldAt");
                    assertThat(rejection.messageKey()).isEqualTo("coaching.session.heldAt.before-cohort");
                    assertThat(rejection.arguments()).containsExactly("2026-02-01");
                });
        assertThat(SessionTiming.check(LocalDateTime.of(2025, 6, 1, 10, 0), null, List.of(), NOW))
                .as("cohort unknown: only the future is refused").isEmpty();
    }

    @Test
    void an_action_due_before_the_sessions_day_is_refused_naming_its_index() {
        LocalDateTime heldAt = LocalDateTime.of(2026, 3, 5, 10, 0);
        assertThat(SessionTiming.check(heldAt, COHORT_START, List.of(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 1)), NOW))
                .as("due the same day is fine").isEmpty();
        assertThat(SessionTiming.check(heldAt, COHORT_START, List.of(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 4)), NOW))
                .hasValueSatisfying(rejection -> {
                    assertThat(rejection.field()).isEqualTo("actions[1].dueDate");
                    assertThat(rejection.arguments()).containsExactly("2026-03-05");
                });
    }
}
