package ml.sdn.incubation.incubatees;

import ml.sdn.incubation.incubatees.Incubatee.CoachAssignment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoachHistoryTest {

    private static final Instant T1 = Instant.parse("2027-02-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2027-03-15T14:30:00Z");

    @Test
    void the_first_assignment_opens_the_history() {
        List<CoachAssignment> history = CoachHistory.reassign(List.of(), "awa", "Awa Traoré", "org", T1);

        assertThat(history).containsExactly(new CoachAssignment("awa", "Awa Traoré", "org", T1, null));
        assertThat(CoachHistory.current(history)).get().extracting(CoachAssignment::coachId).isEqualTo("awa");
    }

    @Test
    void reassigning_ends_the_current_assignment_when_the_next_begins() {
        List<CoachAssignment> first = CoachHistory.reassign(List.of(), "awa", "Awa Traoré", "org", T1);
        List<CoachAssignment> second = CoachHistory.reassign(first, "ibrahim", "Ibrahim Maïga", "org2", T2);

        assertThat(second).containsExactly(
                new CoachAssignment("awa", "Awa Traoré", "org", T1, T2),
                new CoachAssignment("ibrahim", "Ibrahim Maïga", "org2", T2, null));
        assertThat(CoachHistory.current(second)).get().extracting(CoachAssignment::coachId).isEqualTo("ibrahim");
    }

    @Test
    void no_current_coach_in_an_empty_or_closed_history() {
        assertThat(CoachHistory.current(List.of())).isEmpty();
        assertThat(CoachHistory.current(List.of(new CoachAssignment("awa", "Awa", "org", T1, T2)))).isEmpty();
    }
}
