package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.time.LocalDate;

/** A place freed and the first person waiting got it: their attendance is now confirmed. Keyed by {@code attendanceId} (one per participant and day). */
public record AttendancePromoted(String attendanceId, String participantId, String country, LocalDate day, String badgeCode, Instant promotedAt) {

    public static final EventType<AttendancePromoted> TYPE = EventType.of(
            "sdn.registration.attendance-promoted.v1", Topics.REGISTRATION_ATTENDANCE, AttendancePromoted.class);
}
