package ml.sdn.events.incubation;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** An organizer assigned (or reassigned) the incubatee's coach; {@code previousCoachId} null the first time. Keyed by {@code incubateeId}. */
public record CoachAssigned(String incubateeId, String participantId, String coachId, String previousCoachId, String title, Instant assignedAt) {

    public static final EventType<CoachAssigned> TYPE = EventType.of(
            "sdn.incubation.coach-assigned.v1", Topics.INCUBATION_INCUBATEES, CoachAssigned.class);
}
