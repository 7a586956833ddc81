package ml.sdn.registration.attendance;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One confirmed attendee of the day as the door sees them: what it takes to recognise the person and
 * check them in, nothing more — no e-mail, no gender, the phone masked ({@link PhoneMask}).
 * {@code checkedInAt} and {@code door} once they are in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DoorAttendee(String attendanceId, String badgeCode, String displayName, String organization,
                           String country, String phone, Instant checkedInAt, String door) {
}
