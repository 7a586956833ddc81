package ml.sdn.events.incubation;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** The coach validated a milestone. Keyed by {@code incubateeId}. */
public record MilestoneValidated(String milestoneId, String incubateeId, String participantId, String coachId, String title, Instant validatedAt) {

    public static final EventType<MilestoneValidated> TYPE = EventType.of(
            "sdn.incubation.milestone-validated.v1", Topics.INCUBATION_MILESTONES, MilestoneValidated.class);
}
