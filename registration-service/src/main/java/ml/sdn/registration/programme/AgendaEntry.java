package ml.sdn.registration.programme;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One person's place (or place in line) at one session (collection {@code programme_agenda}, unique on
 * {@code (participantId, sessionId)}: adding a session again after leaving it reuses the document).
 * Changed only by updates conditioned on its status and sequence, as attendances are. A place given from the
 * waiting list writes SessionPlaceGiven into {@code outbox} in the same update.
 */
@Document(AgendaEntry.COLLECTION)
record AgendaEntry(
        @Id String id,
        String sessionId,
        String participantId,
        AgendaStatus status,
        long sequence,
        Instant registeredAt,
        Instant confirmedAt,
        Instant cancelledAt,
        List<PendingEvent> outbox) {

    static final String COLLECTION = "programme_agenda";

    boolean active() {
        return status == AgendaStatus.CONFIRMED || status == AgendaStatus.WAITING;
    }
}
