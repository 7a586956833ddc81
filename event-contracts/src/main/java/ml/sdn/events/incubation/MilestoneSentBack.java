package ml.sdn.events.incubation;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** The coach sent a milestone back with feedback. Keyed by {@code incubateeId}. */
public record MilestoneSentBack(String milestoneId, String incubateeId, String participantId, String coachId, String title, String feedback, Instant sentBackAt) {

    public static final EventType<MilestoneSentBack> TYPE = EventType.of(
            "sdn.incubation.milestone-sent-back.v1", Topics.INCUBATION_MILESTONES, MilestoneSentBack.class);
}
