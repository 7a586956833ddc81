package ml.sdn.events.incubation;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** An incubatee left the incubation (with a reason): no longer a finalist. Keyed by {@code incubateeId}. */
public record IncubateeDropped(String incubateeId, String applicationId, String editionId, String categoryId, String reason, Instant droppedAt) {

    public static final EventType<IncubateeDropped> TYPE = EventType.of(
            "sdn.incubation.incubatee-dropped.v1", Topics.INCUBATION_INCUBATEES, IncubateeDropped.class);
}
