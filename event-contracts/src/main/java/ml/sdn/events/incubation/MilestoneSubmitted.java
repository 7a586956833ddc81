package ml.sdn.events.incubation;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** The incubatee submitted a milestone for validation. Keyed by {@code incubateeId}. */
public record MilestoneSubmitted(String milestoneId, String incubateeId, String participantId, String coachId, String title, Instant submittedAt) {

    public static final EventType<MilestoneSubmitted> TYPE = EventType.of(
            "sdn.incubation.milestone-submitted.v1", Topics.INCUBATION_MILESTONES, MilestoneSubmitted.class);
}
