package ml.sdn.registration.programme;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One person's place (or place in line) at one session (collection {@code programme_agenda}, unique on
 * {@code (participantId, sessionId)}: adding a session again after leaving it reuses the document).
 * Changed only by updates conditioned on its status and sequence, as attendances are.
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
        Instant cancelledAt) {

    static final String COLLECTION = "programme_agenda";

    boolean active() {
        return status == AgendaStatus.CONFIRMED || status == AgendaStatus.WAITING;
    }
}
