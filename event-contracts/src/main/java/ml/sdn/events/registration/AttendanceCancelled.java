package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.time.LocalDate;

/** A participant gave up their place or left the waiting list for one day. Keyed by {@code attendanceId} (one per participant and day). */
public record AttendanceCancelled(String attendanceId, String participantId, String country, LocalDate day, Instant cancelledAt) {

    public static final EventType<AttendanceCancelled> TYPE = EventType.of(
            "sdn.registration.attendance-cancelled.v1", Topics.REGISTRATION_ATTENDANCE, AttendanceCancelled.class);
}
