package ml.sdn.registration.programme;

import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.registration.attendance.WaitingNumbers;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A session of the week's programme (collection {@code programme_sessions}). Like an attendance day, the
 * document holds its whole place count, so taking a place is one atomic update: {@code confirmed < capacity}
 * → {@code $inc confirmed}; {@code waitingSequence} and {@code joining} hand out the waiting-list order ({@link WaitingNumbers}). A session without a
 * capacity is open to all and has no agenda places. {@code placesChangedAt} is set by every write of
 * {@code confirmed}: the AgendaReconciler leaves a session alone while it is recent.
 * <p>
 * Never saved whole: an edit is one update conditioned on {@code revision} (what the organizer's edit was
 * checked against), which pushes SessionMoved into {@code outbox} when the time or the room changed.
 * {@code remindedFor} is the start time its people were last reminded of (SessionReminders).
 */
@Document(ProgrammeSession.COLLECTION)
record ProgrammeSession(
        @Id String id,
        String titleFr,
        String titleEn,
        SessionKind kind,
        String room,
        Instant startsAt,
        Instant endsAt,
        List<Speaker> speakers,
        Integer capacity,
        int confirmed,
        long waitingSequence,
        List<WaitingNumbers.Joining> joining,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        Instant placesChangedAt,
        Instant remindedFor,
        List<PendingEvent> outbox) {

    static final String COLLECTION = "programme_sessions";

    List<WaitingNumbers.Joining> joiningOrEmpty() {
        return joining == null ? List.of() : joining;
    }

    List<Speaker> speakersOrEmpty() {
        return speakers == null ? List.of() : speakers;
    }
}
