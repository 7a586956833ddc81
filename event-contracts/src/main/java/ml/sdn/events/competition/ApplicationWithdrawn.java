package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** The applicant withdrew a submitted application before the deadline. Keyed by {@code applicationId}. */
public record ApplicationWithdrawn(String applicationId, String reference, String editionId, String categoryId, String applicantId, String country, Instant withdrawnAt) {

    public static final EventType<ApplicationWithdrawn> TYPE = EventType.of(
            "sdn.competition.application-withdrawn.v1", Topics.COMPETITION_APPLICATIONS, ApplicationWithdrawn.class);
}
