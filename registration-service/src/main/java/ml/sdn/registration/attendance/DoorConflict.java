package ml.sdn.registration.attendance;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A check-in uploaded from a door's device for someone already in by another door that day (collection
 * {@code door_conflicts}): not counted, kept for organizers to look into. The id is the attendance's and
 * the device's check-in id, so the same line uploaded again is the same conflict.
 *
 * @param at when the device took it; {@code reportedBy} the staff who uploaded it
 */
@Document(DoorConflict.COLLECTION)
record DoorConflict(@Id String id, String attendanceId, String day, String door, Instant at, String checkInId,
                    String reportedBy, Instant reportedAt) {

    static final String COLLECTION = "door_conflicts";

    static String idOf(String attendanceId, String checkInId) {
        return attendanceId + "/" + checkInId;
    }
}
