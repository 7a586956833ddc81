package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** The final round ranked this finalist: {@code rank} in its category (null when it had too few completed reviews to be ranked). Keyed by {@code applicationId}. */
public record FinalistRanked(String applicationId, String editionId, String categoryId, String applicantId, Integer rank, Double finalScore, Instant rankedAt) {

    public static final EventType<FinalistRanked> TYPE = EventType.of(
            "sdn.competition.finalist-ranked.v1", Topics.COMPETITION_APPLICATIONS, FinalistRanked.class);
}
