package ml.sdn.registration.attendance;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The day's list as a door's device keeps it to work offline: everyone holding a place that day, with what
 * it takes to recognise them at the door and nothing more. It is stored on phones that can be lost: no
 * e-mail, no phone, no gender, no account id.
 *
 * @param madeAt       when the list was read (the device says how old its copy is)
 * @param walkInCodes  badge codes set aside for the device that asked, for the walk-ins it registers offline
 *                     ({@link WalkInCodes}); absent when the request named no device
 */
public record DoorList(LocalDate day, Instant madeAt, List<Attendee> attendees,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<String> walkInCodes) {

    /**
     * @param category    {@link AttendeeCategory}'s name, shown in large letters at the door
     * @param checkedInAt when the person came in that day, if they did; {@code door} by which door
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attendee(String badgeCode, String displayName, String organization, String country, String category,
                           Instant checkedInAt, String door) {
    }
}
