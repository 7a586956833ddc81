package ml.sdn.portal.participant;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The services date events as instants; participants read them as Bamako wall-clock time (the week's time). */
public final class BamakoTime {

    public static final ZoneId ZONE = ZoneId.of("Africa/Bamako");

    private BamakoTime() {
    }

    public static LocalDateTime of(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZONE);
    }
}
