package ml.sdn.registration.attendance;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One of my days: {@code position} only while waiting (1 = next to get a place, live: it moves up as
 * people ahead are promoted or cancel), {@code badgeCode} only while confirmed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttendanceView(String attendanceId, LocalDate day, AttendanceStatus status, Integer position,
                             String badgeCode, Instant registeredAt, Instant confirmedAt, Instant checkedInAt,
                             Instant cancelledAt) {
}
