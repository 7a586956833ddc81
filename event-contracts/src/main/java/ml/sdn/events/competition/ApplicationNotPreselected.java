package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/**
 * The category's preselection was confirmed without this submitted application. Keyed by {@code applicationId}.
 * {@code juryCommentsShared}: the category shows applicants the jury's comments (on their application's page);
 * absent in events written before it existed, which reads as not shared.
 */
public record ApplicationNotPreselected(String applicationId, String reference, String editionId, String categoryId, String categoryCode, String applicantId, String country, Instant decidedAt,
                                        Boolean juryCommentsShared) {

    public ApplicationNotPreselected(String applicationId, String reference, String editionId, String categoryId, String categoryCode,
                                     String applicantId, String country, Instant decidedAt) {
        this(applicationId, reference, editionId, categoryId, categoryCode, applicantId, country, decidedAt, null);
    }

    public static final EventType<ApplicationNotPreselected> TYPE = EventType.of(
            "sdn.competition.application-not-preselected.v1", Topics.COMPETITION_APPLICATIONS, ApplicationNotPreselected.class);
}
