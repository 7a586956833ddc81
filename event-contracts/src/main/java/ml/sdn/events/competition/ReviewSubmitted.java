package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** A juror submitted (or re-submitted) their review of an application; scores stay in the service. Keyed by {@code applicationId}. */
public record ReviewSubmitted(String applicationId, String editionId, String categoryId, String jurorId, String round, Instant submittedAt) {

    public static final EventType<ReviewSubmitted> TYPE = EventType.of(
            "sdn.competition.review-submitted.v1", Topics.COMPETITION_JURY, ReviewSubmitted.class);
}
