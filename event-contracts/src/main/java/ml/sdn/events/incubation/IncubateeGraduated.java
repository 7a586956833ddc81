package ml.sdn.events.incubation;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** An incubatee completed the AGETIC incubation: the competition service counts it among the finalists. Keyed by {@code incubateeId}. */
public record IncubateeGraduated(String incubateeId, String applicationId, String editionId, String categoryId, Instant graduatedAt) {

    public static final EventType<IncubateeGraduated> TYPE = EventType.of(
            "sdn.incubation.incubatee-graduated.v1", Topics.INCUBATION_INCUBATEES, IncubateeGraduated.class);
}
