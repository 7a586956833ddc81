package ml.sdn.registration.attendance;

import ml.sdn.registration.attendance.DoorFigures.Delegation;
import ml.sdn.registration.attendance.DoorFigures.Door;
import ml.sdn.registration.attendance.DoorFigures.Entry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DoorFiguresTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 29);

    @Test
    void counts_in_and_not_yet_in_per_door_and_per_delegation() {
        DoorFigures figures = DoorFigures.count(DAY, List.of(
                new Entry("ML", true, "B"), new Entry("ML", true, "A"), new Entry("ML", false, null),
                new Entry("NE", true, "A"), new Entry("BF", false, null), new Entry("BF", false, null)));

        assertThat(figures.day()).isEqualTo(DAY);
        assertThat(figures.confirmed()).isEqualTo(6);
        assertThat(figures.checkedIn()).isEqualTo(3);
        assertThat(figures.notYetIn()).isEqualTo(3);
        assertThat(figures.doors()).containsExactly(new Door("A", 2), new Door("B", 1));
        assertThat(figures.delegations()).containsExactly(new Delegation("BF", 2, 0), new Delegation("ML", 3, 2),
                new Delegation("NE", 1, 1));
    }

    @Test
    void counts_per_category_in_the_categories_order_those_with_anyone() {
        DoorFigures figures = DoorFigures.count(DAY, List.of(
                new Entry("ML", true, "A", AttendeeCategory.PRESS), new Entry("BF", false, null, AttendeeCategory.PRESS),
                new Entry("NE", true, "B", AttendeeCategory.SPEAKER), new Entry("ML", false, null),
                new Entry("ML", true, "A", null)));

        assertThat(figures.categories()).containsExactly(new DoorFigures.Category("PARTICIPANT", 2, 1),
                new DoorFigures.Category("SPEAKER", 1, 1), new DoorFigures.Category("PRESS", 2, 1));
        assertThat(figures.categories().stream().mapToInt(DoorFigures.Category::checkedIn).sum()).isEqualTo(figures.checkedIn());
    }

    @Test
    void a_day_nobody_registered_for_is_all_zeros() {
        DoorFigures figures = DoorFigures.count(DAY, List.of());

        assertThat(figures.confirmed()).isZero();
        assertThat(figures.checkedIn()).isZero();
        assertThat(figures.notYetIn()).isZero();
        assertThat(figures.doors()).isEmpty();
        assertThat(figures.delegations()).isEmpty();
        assertThat(figures.categories()).isEmpty();
    }

    @Test
    void a_person_without_delegation_or_door_is_counted_under_an_empty_name_so_the_parts_add_up() {
        DoorFigures figures = DoorFigures.count(DAY, List.of(new Entry(null, true, null), new Entry("ML", true, "A")));

        assertThat(figures.doors()).containsExactly(new Door("", 1), new Door("A", 1));
        assertThat(figures.delegations()).containsExactly(new Delegation("", 1, 1), new Delegation("ML", 1, 1));
        assertThat(figures.doors().stream().mapToInt(Door::checkedIn).sum()).isEqualTo(figures.checkedIn());
    }
}
