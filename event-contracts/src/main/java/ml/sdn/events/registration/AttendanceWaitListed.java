package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.time.LocalDate;

/** The day was full: the participant is on its waiting list at {@code position} (1 = next to be promoted). Keyed by {@code attendanceId} (one per participant and day). */
public record AttendanceWaitListed(String attendanceId, String participantId, String country, LocalDate day, int position, Instant waitListedAt) {

    public static final EventType<AttendanceWaitListed> TYPE = EventType.of(
            "sdn.registration.attendance-wait-listed.v1", Topics.REGISTRATION_ATTENDANCE, AttendanceWaitListed.class);
}
