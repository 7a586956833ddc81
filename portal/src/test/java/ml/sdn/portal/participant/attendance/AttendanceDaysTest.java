package ml.sdn.portal.participant.attendance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttendanceDaysTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);

    @Test
    void each_day_in_order_shows_where_the_person_stands_and_a_badge_needs_a_confirmed_place() {
        AttendanceDays days = AttendanceDays.of(
                List.of(new AttendanceDays.Day(WEDNESDAY, 10, 0, 0, 10), new AttendanceDays.Day(MONDAY, 1, 1, 2, 0),
                        new AttendanceDays.Day(TUESDAY, 5, 5, 0, 0)),
                List.of(new AttendanceDays.Mine(MONDAY, "WAITING", 2, null), new AttendanceDays.Mine(TUESDAY, "CANCELLED", null, null)));

        assertThat(days.lines()).extracting(line -> line.day().day()).containsExactly(MONDAY, TUESDAY, WEDNESDAY);
        assertThat(days.lines()).extracting(AttendanceDays.Line::registered).containsExactly(true, false, false);
        assertThat(days.hasBadge()).isFalse();

        AttendanceDays confirmed = AttendanceDays.of(List.of(new AttendanceDays.Day(MONDAY, 1, 1, 0, 0)),
                List.of(new AttendanceDays.Mine(MONDAY, "CONFIRMED", null, "B-1")));
        assertThat(confirmed.hasBadge()).isTrue();
        assertThat(confirmed.lines().get(0).registered()).isTrue();
    }
}
