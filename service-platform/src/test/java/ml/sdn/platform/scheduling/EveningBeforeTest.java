package ml.sdn.platform.scheduling;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class EveningBeforeTest {

    // Bamako is UTC all year: the instants below read as the local times they name
    private final EveningBefore fromFour = new EveningBefore(ZoneId.of("Africa/Bamako"), LocalTime.of(16, 0));

    @Test
    void nothing_is_due_before_the_hour() {
        assertThat(fromFour.dayAhead(Instant.parse("2027-01-28T15:59:59Z"))).isEmpty();
    }

    @Test
    void from_the_hour_until_midnight_tomorrow_is_due() {
        assertThat(fromFour.dayAhead(Instant.parse("2027-01-28T16:00:00Z"))).contains(LocalDate.of(2027, 1, 29));
        assertThat(fromFour.dayAhead(Instant.parse("2027-01-28T23:59:59Z"))).contains(LocalDate.of(2027, 1, 29));
    }

    @Test
    void the_day_is_the_zone_s_day_not_utc_s() {
        EveningBefore paris = new EveningBefore(ZoneId.of("Europe/Paris"), LocalTime.of(16, 0));

        // 23:30 UTC is already the next day in Paris, and before 16:00 there
        assertThat(paris.dayAhead(Instant.parse("2027-01-28T23:30:00Z"))).isEmpty();
    }
}
