package ml.sdn.events.incubation;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** A preselected candidate joined the edition's cohort (once per application, however often the preselection event arrives). {@code participantId} is the applicant. Keyed by {@code incubateeId}. */
public record IncubateeEnrolled(String incubateeId, String cohortId, String editionId, String applicationId, String participantId, String organizationName, String title, String country, String categoryCode, boolean womenLed, Instant enrolledAt) {

    public static final EventType<IncubateeEnrolled> TYPE = EventType.of(
            "sdn.incubation.incubatee-enrolled.v1", Topics.INCUBATION_INCUBATEES, IncubateeEnrolled.class);
}
