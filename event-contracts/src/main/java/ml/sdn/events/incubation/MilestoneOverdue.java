package ml.sdn.events.incubation;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.time.LocalDate;

/** A milestone passed its due date without being validated (published once per milestone). Keyed by {@code incubateeId}. */
public record MilestoneOverdue(String milestoneId, String incubateeId, String participantId, String coachId, String title, LocalDate dueDate, Instant detectedAt) {

    public static final EventType<MilestoneOverdue> TYPE = EventType.of(
            "sdn.incubation.milestone-overdue.v1", Topics.INCUBATION_MILESTONES, MilestoneOverdue.class);
}
