package ml.sdn.registration.attendance;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A day of the edition open to registration (collection {@code attendance_days}, {@code _id} = the ISO
 * date). Holds the whole place count, so taking a place is one atomic update of this document:
 * {@code confirmed < capacity} → {@code $inc confirmed}. {@code waitingSequence} hands out the
 * waiting-list order, and {@code joining} lists the numbers handed out to registrations not written yet
 * (see {@link WaitingNumbers}). {@code holds} lists the places being handed from one person to another
 * (a reserved place not yet bound to an attendance, or a place being given up): written in the same
 * update as the count, so that a crash between the two steps of a hand-over leaves a trace the
 * reconciler can finish.
 */
@Document(AttendanceDay.COLLECTION)
record AttendanceDay(@Id String id, int capacity, int confirmed, long waitingSequence, List<Hold> holds,
                     List<WaitingNumbers.Joining> joining, Instant createdAt, Instant updatedAt) {

    static final String COLLECTION = "attendance_days";

    /**
     * A place in hand-over. {@code ref} becomes the {@code placeRef} of the attendance that gets it;
     * {@code releases} is the {@code placeRef} of the attendance giving it up (null for a place just
     * reserved).
     */
    record Hold(String ref, Instant heldAt, String releases) {
    }

    Places places() {
        return new Places(capacity, confirmed);
    }

    List<Hold> holdsOrEmpty() {
        return holds == null ? List.of() : holds;
    }

    List<WaitingNumbers.Joining> joiningOrEmpty() {
        return joining == null ? List.of() : joining;
    }

    /** Someone with a smaller number than {@code sequence} is still joining the list. */
    boolean joiningAhead(long sequence) {
        return WaitingNumbers.ahead(sequence, joining);
    }
}
