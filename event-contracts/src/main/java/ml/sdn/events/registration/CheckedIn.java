package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.time.LocalDate;

/** An organizer checked a confirmed attendee in at the door (once per day; a second scan is not an event). Keyed by {@code attendanceId} (one per participant and day). */
public record CheckedIn(String attendanceId, String participantId, String country, LocalDate day, String checkedInBy, Instant checkedInAt) {

    public static final EventType<CheckedIn> TYPE = EventType.of(
            "sdn.registration.checked-in.v1", Topics.REGISTRATION_ATTENDANCE, CheckedIn.class);
}
