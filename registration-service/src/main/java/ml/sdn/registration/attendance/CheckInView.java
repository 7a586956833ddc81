package ml.sdn.registration.attendance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who is at the door. A second scan the same day answers the same person with {@code firstCheckIn}
 * false and the time of the first check-in: reported, not counted again.
 */
public record CheckInView(String attendanceId, String displayName, String country, LocalDate day,
                          Instant checkedInAt, boolean firstCheckIn) {
}
