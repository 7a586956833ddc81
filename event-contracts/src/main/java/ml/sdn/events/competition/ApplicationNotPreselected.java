package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** The category's preselection was confirmed without this submitted application. Keyed by {@code applicationId}. */
public record ApplicationNotPreselected(String applicationId, String reference, String editionId, String categoryId, String categoryCode, String applicantId, String country, Instant decidedAt) {

    public static final EventType<ApplicationNotPreselected> TYPE = EventType.of(
            "sdn.competition.application-not-preselected.v1", Topics.COMPETITION_APPLICATIONS, ApplicationNotPreselected.class);
}
