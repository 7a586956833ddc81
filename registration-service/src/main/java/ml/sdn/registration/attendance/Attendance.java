package ml.sdn.registration.attendance;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One person's registration for one day (collection {@code attendances}, unique on
 * {@code (participantId, day)}: registering again after a cancellation reuses the document, so the
 * attendance id, which keys its events, stays the same).
 * <p>
 * Never saved whole: every change is one atomic update conditioned on the current status, which
 * also pushes the change's event into {@code outbox} (published by the platform's relay).
 *
 * @param sequence  the day's waiting sequence number taken at registration: the waiting-list order
 * @param announced whether the outcome of the registration has been announced (an event written):
 *                  false only while the registration is in flight, so that a person confirmed at once
 *                  gets AttendanceConfirmed and not AttendanceWaitListed then AttendancePromoted
 * @param placeRef  the reference of the place this attendance was last given (unique, sparse): one place,
 *                  one person — two promotions cannot bind the same place. Kept after a cancellation (the
 *                  place was then handed on under a new reference), so the reconciler can tell a bound
 *                  place from a lost one
 * @param checkedInDoor the door the attendee came in by that day (as the door staff named it: "A", "Nord")
 * @param category  who the person is at the week (printed on the badge); null for a participant: people who
 *                  register themselves, and every attendance stored before categories existed
 * @param checkInId the id the door's device gave the check-in that counted: the same check-in sent again
 *                  (a retry, a batch uploaded twice) is recognised as itself, not as a second scan
 */
@Document(Attendance.COLLECTION)
record Attendance(
        @Id String id,
        String participantId,
        String country,
        String day,
        AttendanceStatus status,
        Long sequence,
        boolean announced,
        String placeRef,
        String badgeCode,
        Instant registeredAt,
        Instant confirmedAt,
        Instant cancelledAt,
        Instant checkedInAt,
        String checkedInBy,
        String checkedInDoor,
        String checkInId,
        List<PendingEvent> outbox,
        AttendeeCategory category) {

    static final String COLLECTION = "attendances";

    static Attendance waiting(String id, String participantId, String country, String day, long sequence, Instant now) {
        return new Attendance(id, participantId, country, day, AttendanceStatus.WAITING, sequence, false, null, null,
                now, null, null, null, null, null, null, List.of(), null);
    }

    /**
     * A walk-in registered by an organizer or a coordinator: confirmed at once, over and above the day's capacity
     * (the places are those offered for people to take themselves; the organizers' guests come on top), with no
     * event: the person has no account to tell.
     */
    static Attendance walkIn(String id, String walkInId, String country, String day, String badgeCode,
                             AttendeeCategory category, Instant now) {
        return new Attendance(id, walkInId, country, day, AttendanceStatus.CONFIRMED, null, true, null, badgeCode,
                now, now, null, null, null, null, null, List.of(), category);
    }

    AttendeeCategory categoryOrParticipant() {
        return AttendeeCategory.orParticipant(category);
    }

    boolean active() {
        return status == AttendanceStatus.CONFIRMED || status == AttendanceStatus.WAITING;
    }
}
