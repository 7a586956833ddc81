package ml.sdn.competition.editions;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * The record that a category's phase was announced: inserted once, its id {@code <categoryId>:<phase>}
 * making a second announcement (another instance, a second run) a duplicate key. The
 * {@code PhaseChanged} event waits in {@code outbox} until the relay has published it.
 */
@Document(PhaseAnnouncement.COLLECTION)
record PhaseAnnouncement(
        @Id String id,
        String categoryId,
        String editionId,
        Phase phase,
        Instant startedAt,
        Instant announcedAt,
        List<PendingEvent> outbox,
        @Version Long version) {

    static final String COLLECTION = "competition_phase_announcements";

    static String idOf(String categoryId, Phase phase) {
        return categoryId + ":" + phase;
    }
}
