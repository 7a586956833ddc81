package ml.sdn.portal.checkin;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DoorDeskTest {

    private static final List<DoorDesk.Day> OPEN = List.of(new DoorDesk.Day(LocalDate.of(2026, 1, 29)),
            new DoorDesk.Day(LocalDate.of(2026, 1, 30)));

    @Test
    void a_door_is_a_short_name_trimmed() {
        assertThat(DoorDesk.door(" A ")).isEqualTo("A");
        assertThat(DoorDesk.door("Porte Nord-2")).isEqualTo("Porte Nord-2");
        assertThat(DoorDesk.door("")).isNull();
        assertThat(DoorDesk.door("<b>")).isNull();
        assertThat(DoorDesk.door("A".repeat(21))).isNull();
        assertThat(DoorDesk.door(null)).isNull();
    }

    @Test
    void only_an_open_day_can_be_chosen() {
        assertThat(DoorDesk.day("2026-01-30", OPEN)).isEqualTo(LocalDate.of(2026, 1, 30));
        assertThat(DoorDesk.day("2026-01-31", OPEN)).isNull();
        assertThat(DoorDesk.day("jeudi", OPEN)).isNull();
        assertThat(DoorDesk.day(null, OPEN)).isNull();
    }

    @Test
    void the_walk_in_forms_countries_are_the_delegations_first_then_every_other_by_name() {
        List<DoorDesk.Country> countries = DoorDesk.countries(Locale.FRENCH);

        assertThat(countries.subList(0, 3)).extracting(DoorDesk.Country::name).containsExactly("Mali", "Burkina Faso", "Niger");
        assertThat(countries).extracting(DoorDesk.Country::code).doesNotHaveDuplicates().contains("SN", "CI", "FR");
        assertThat(countries.get(3).name()).isEqualTo("Afghanistan");
    }
}
