package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** An organizer extended the submission deadline of a category ({@code applicantId} null) or of one applicant, with a reason. Keyed by {@code categoryId}. */
public record DeadlineExtended(String categoryId, String editionId, String categoryCode, String applicantId, Instant until, String reason, String extendedBy, Instant extendedAt) {

    public static final EventType<DeadlineExtended> TYPE = EventType.of(
            "sdn.competition.deadline-extended.v1", Topics.COMPETITION_CATEGORIES, DeadlineExtended.class);
}
