package ml.sdn.registration.programme;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The days of the week (the same {@code sdn.attendance.event.*} the badges print) and its time zone: sessions
 * are planned and shown in Bamako time.
 */
record EventDays(LocalDate first, LocalDate last, ZoneId zone) {

    boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    List<LocalDate> all() {
        return first.datesUntil(last.plusDays(1)).toList();
    }

    java.time.Instant instant(LocalDateTime local) {
        return local.atZone(zone).toInstant();
    }

    LocalDateTime local(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
