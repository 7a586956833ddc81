package ml.sdn.incubation.incubatees;

import ml.sdn.incubation.incubatees.DashboardOrder.Line;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardOrderTest {

    private static final Instant JAN_1 = Instant.parse("2027-01-01T10:00:00Z");
    private static final Instant FEB_1 = Instant.parse("2027-02-01T10:00:00Z");
    private static final Instant MAR_1 = Instant.parse("2027-03-01T10:00:00Z");

    private static List<String> order(Line... lines) {
        List<Line> sorted = new ArrayList<>(List.of(lines));
        sorted.sort(DashboardOrder.MOST_URGENT_FIRST);
        return sorted.stream().map(Line::id).toList();
    }

    @Test
    void at_risk_comes_first_even_with_fewer_overdue_milestones() {
        assertThat(order(
                new Line("calm-but-late", "A", false, 3, MAR_1, JAN_1),
                new Line("at-risk", "B", true, 0, MAR_1, JAN_1)))
                .containsExactly("at-risk", "calm-but-late");
    }

    @Test
    void then_the_most_overdue_milestones() {
        assertThat(order(
                new Line("one-overdue", "A", true, 1, JAN_1, JAN_1),
                new Line("three-overdue", "B", true, 3, MAR_1, JAN_1),
                new Line("none-overdue", "C", true, 0, JAN_1, JAN_1)))
                .containsExactly("three-overdue", "one-overdue", "none-overdue");
    }

    @Test
    void then_the_oldest_last_contact_never_contacted_counting_from_enrolment() {
        assertThat(order(
                new Line("seen-march", "A", false, 0, MAR_1, JAN_1),
                new Line("never-seen-enrolled-february", "B", false, 0, null, FEB_1),
                new Line("seen-january", "C", false, 0, JAN_1, JAN_1)))
                .containsExactly("seen-january", "never-seen-enrolled-february", "seen-march");
    }

    @Test
    void equal_cases_keep_a_stable_order_by_title_then_id() {
        assertThat(order(
                new Line("2", "beta", false, 0, JAN_1, JAN_1),
                new Line("3", "Alpha", false, 0, JAN_1, JAN_1),
                new Line("1", "beta", false, 0, JAN_1, JAN_1)))
                .containsExactly("3", "1", "2");
    }
}
