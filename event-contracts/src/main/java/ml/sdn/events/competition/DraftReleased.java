package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/**
 * The owner of an organisation took over ({@code outcome} TAKEN_OVER: the draft is now theirs) or deleted
 * ({@code DELETED}) a draft application a member held for the organisation. Keyed by {@code applicationId}.
 * {@code holderId} is the member who held it (told of it), {@code ownerId} the owner who acted; {@code title} and
 * {@code categoryCode} say which draft, {@code organizationName} for whom (absent when not known yet).
 */
public record DraftReleased(String applicationId, String editionId, String categoryId, String categoryCode,
                            String organizationId, String organizationName, String title, String holderId,
                            String ownerId, String outcome, Instant releasedAt) {

    public static final String TAKEN_OVER = "TAKEN_OVER";
    public static final String DELETED = "DELETED";

    public static final EventType<DraftReleased> TYPE = EventType.of(
            "sdn.competition.draft-released.v1", Topics.COMPETITION_APPLICATIONS, DraftReleased.class);
}
