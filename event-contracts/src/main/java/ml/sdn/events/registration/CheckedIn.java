package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Door staff (or an organizer) checked a confirmed attendee in (once per day; a second scan is not an
 * event). Keyed by {@code attendanceId} (one per participant and day). {@code door} is the door as the
 * staff named it ("A"); null in events written before doors were recorded.
 */
public record CheckedIn(String attendanceId, String participantId, String country, LocalDate day, String checkedInBy,
                        Instant checkedInAt, String door) {

    public static final EventType<CheckedIn> TYPE = EventType.of(
            "sdn.registration.checked-in.v1", Topics.REGISTRATION_ATTENDANCE, CheckedIn.class);

    /** An event without the door (as written before doors were recorded). */
    public CheckedIn(String attendanceId, String participantId, String country, LocalDate day, String checkedInBy,
                     Instant checkedInAt) {
        this(attendanceId, participantId, country, day, checkedInBy, checkedInAt, null);
    }
}
