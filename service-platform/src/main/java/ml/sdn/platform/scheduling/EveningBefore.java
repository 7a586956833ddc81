package ml.sdn.platform.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * "From 16:00 Bamako time, the day before": when a reminder of tomorrow is due. Before {@code from} nothing is
 * due yet; from then until midnight, tomorrow's reminders are, so a run late in the evening still sends them.
 */
public record EveningBefore(ZoneId zone, LocalTime from) {

    /** @return the day to remind people of, or empty while it is still too early today */
    public Optional<LocalDate> dayAhead(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        return local.toLocalTime().isBefore(from) ? Optional.empty() : Optional.of(local.toLocalDate().plusDays(1));
    }
}
