package ml.sdn.registration.attendance;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who is at the door, and the check-in that counted for them that day: its time, door and id. A second
 * scan the same day answers the same person with {@code firstCheckIn} false and the first check-in's
 * time and door: reported, not counted again. {@code organization} is the name of the organisation(s)
 * the person belongs to, if any; {@code category} who they are at the week ({@link AttendeeCategory}'s name),
 * which the door shows in large letters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckInView(String attendanceId, String displayName, String organization, String country, LocalDate day,
                          Instant checkedInAt, String door, String checkInId, boolean firstCheckIn,
                          String category) {
}
