package ml.sdn.competition.applications;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * The record that an organisation's owner deleted a draft a member held for it: the draft is gone with its
 * document, so the {@code DraftReleased} event telling the member waits here (id: the draft's id) until the
 * relay has published it.
 */
@Document(ReleasedDraft.COLLECTION)
record ReleasedDraft(
        @Id String id,
        String organizationId,
        String holderId,
        String ownerId,
        Instant deletedAt,
        List<PendingEvent> outbox,
        @Version Long version) {

    static final String COLLECTION = "competition_released_drafts";
}
