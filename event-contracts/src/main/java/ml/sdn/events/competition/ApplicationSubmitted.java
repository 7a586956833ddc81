package ml.sdn.events.competition;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** An application was submitted; {@code reference} is the receipt number shown to the applicant (e.g. {@code SDN3-SUC-0042}). {@code organizationId} null for a project holder applying alone. Keyed by {@code applicationId}. */
public record ApplicationSubmitted(String applicationId, String reference, String editionId, String categoryId, String categoryCode, String applicantId, String organizationId, String country, String title, Instant submittedAt) {

    public static final EventType<ApplicationSubmitted> TYPE = EventType.of(
            "sdn.competition.application-submitted.v1", Topics.COMPETITION_APPLICATIONS, ApplicationSubmitted.class);
}
