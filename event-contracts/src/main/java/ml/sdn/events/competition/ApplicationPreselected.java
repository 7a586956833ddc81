package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** An organizer confirmed this application among the category's preselected candidates (incubation enrols it). {@code rank} is its place in the preselection ranking; {@code overrideReason} non-null when an organizer departed from the ranking. Keyed by {@code applicationId}. */
public record ApplicationPreselected(String applicationId, String reference, String editionId, String categoryId, String categoryCode, String applicantId, String organizationId, String organizationName, String country, String title, boolean womenLed, Integer rank, String overrideReason, Instant preselectedAt) {

    public static final EventType<ApplicationPreselected> TYPE = EventType.of(
            "sdn.competition.application-preselected.v1", Topics.COMPETITION_APPLICATIONS, ApplicationPreselected.class);
}
