package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.time.LocalDate;

/** A participant has a confirmed place for one day of the week; {@code badgeCode} is what is scanned at the door. Keyed by {@code attendanceId} (one per participant and day). */
public record AttendanceConfirmed(String attendanceId, String participantId, String country, LocalDate day, String badgeCode, Instant confirmedAt) {

    public static final EventType<AttendanceConfirmed> TYPE = EventType.of(
            "sdn.registration.attendance-confirmed.v1", Topics.REGISTRATION_ATTENDANCE, AttendanceConfirmed.class);
}
