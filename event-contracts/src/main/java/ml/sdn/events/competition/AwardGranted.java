package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** A prize was granted when the results were published: {@code prize} FIRST, SECOND, THIRD (with {@code categoryId}) or WOMEN_LED_SPECIAL_PRIZE. Keyed by {@code editionId}. */
public record AwardGranted(String editionId, String categoryId, String categoryCode, String prize, String applicationId, String applicantId, String organizationId, String title, String country, Instant grantedAt) {

    public static final EventType<AwardGranted> TYPE = EventType.of(
            "sdn.competition.award-granted.v1", Topics.COMPETITION_RESULTS, AwardGranted.class);
}
