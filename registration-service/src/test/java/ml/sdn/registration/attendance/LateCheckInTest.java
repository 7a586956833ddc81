package ml.sdn.registration.attendance;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LateCheckInTest {

    private static final Instant NINE = Instant.parse("2026-01-29T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-01-29T10:00:00Z");
    private static final LateCheckIn.Recorded NOBODY = new LateCheckIn.Recorded(null, null, null, Set.of());

    private static LateCheckIn.Recorded inAt(Instant at, String door, String id, String... conflictIds) {
        return new LateCheckIn.Recorded(at, door, id, Set.of(conflictIds));
    }

    @Test
    void the_first_line_for_someone_not_in_is_their_check_in() {
        assertThat(LateCheckIn.decide(NOBODY, "dev1-1", TEN, "A")).isEqualTo(LateCheckIn.Action.RECORD);
    }

    @Test
    void the_same_line_uploaded_again_is_the_check_in_that_counts() {
        assertThat(LateCheckIn.decide(inAt(TEN, "A", "dev1-1"), "dev1-1", TEN, "A")).isEqualTo(LateCheckIn.Action.SAME);
    }

    @Test
    void a_later_line_by_the_same_door_is_already_in_whatever_the_case_of_the_doors_name() {
        assertThat(LateCheckIn.decide(inAt(NINE, "A", "dev1-1"), "dev2-7", TEN, " a ")).isEqualTo(LateCheckIn.Action.ALREADY_IN);
    }

    @Test
    void a_later_line_by_another_door_is_a_conflict_and_stays_one_when_uploaded_again() {
        assertThat(LateCheckIn.decide(inAt(NINE, "A", "dev1-1"), "dev2-7", TEN, "B")).isEqualTo(LateCheckIn.Action.CONFLICT);
        assertThat(LateCheckIn.decide(inAt(NINE, "A", "dev1-1", "dev2-7"), "dev2-7", TEN, "B"))
                .isEqualTo(LateCheckIn.Action.CONFLICT);
    }

    @Test
    void an_earlier_line_replaces_a_later_check_in_so_the_earliest_time_is_kept() {
        assertThat(LateCheckIn.decide(inAt(TEN, "A", "online-1"), "dev1-1", NINE, "A")).isEqualTo(LateCheckIn.Action.EARLIER);
        assertThat(LateCheckIn.decide(inAt(TEN, "A", "online-1"), "dev1-1", NINE, "B")).isEqualTo(LateCheckIn.Action.EARLIER);
    }

    @Test
    void a_line_at_the_same_time_by_the_same_door_is_already_in() {
        assertThat(LateCheckIn.decide(inAt(TEN, "A", "dev1-1"), "dev2-1", TEN, "A")).isEqualTo(LateCheckIn.Action.ALREADY_IN);
    }

    @Test
    void a_device_clock_ahead_of_the_server_counts_from_the_upload() {
        assertThat(LateCheckIn.takenAt(TEN, NINE)).isEqualTo(NINE);
        assertThat(LateCheckIn.takenAt(NINE, TEN)).isEqualTo(NINE);
    }
}
