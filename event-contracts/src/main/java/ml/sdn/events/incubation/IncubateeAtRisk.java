package ml.sdn.events.incubation;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;
import java.util.List;

/** The scheduled check flagged the incubatee at risk (once per at-risk spell): {@code reasons} NO_RECENT_SESSION and/or OVERDUE_MILESTONES. Keyed by {@code incubateeId}. */
public record IncubateeAtRisk(String incubateeId, String participantId, String coachId, String title, List<String> reasons, int overdueMilestones, Instant lastSessionAt, Instant flaggedAt) {

    public static final EventType<IncubateeAtRisk> TYPE = EventType.of(
            "sdn.incubation.incubatee-at-risk.v1", Topics.INCUBATION_INCUBATEES, IncubateeAtRisk.class);
}
