package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** A juror no longer reviews an application: removed by an organizer or after declaring a conflict ({@code reason} CONFLICT or REMOVED). Keyed by {@code applicationId}. */
public record JurorUnassigned(String applicationId, String editionId, String categoryId, String jurorId, String round, String reason, Instant unassignedAt) {

    public static final EventType<JurorUnassigned> TYPE = EventType.of(
            "sdn.competition.juror-unassigned.v1", Topics.COMPETITION_JURY, JurorUnassigned.class);
}
