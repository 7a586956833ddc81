package ml.sdn.registration.attendance;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * "Now" and "today" for attendance. Uses the application's {@link Clock} bean when there is exactly one
 * (tests can fix the time), the system clock otherwise. Today is the edition's calendar day
 * ({@code sdn.attendance.zone}, Bamako by default), not the server's.
 */
@Component
class AttendanceClock {

    private final Clock clock;

    AttendanceClock(ObjectProvider<Clock> clock, @Value("${sdn.attendance.zone:Africa/Bamako}") ZoneId zone) {
        this.clock = clock.getIfUnique(Clock::systemUTC).withZone(zone);
    }

    /** MongoDB keeps milliseconds: truncated so that what we answer is what a later read answers. */
    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
