package ml.sdn.incubation.milestones;

import ml.sdn.incubation.milestones.Milestone.MilestoneStatus;
import ml.sdn.incubation.milestones.MilestoneLifecycle.Step;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A milestone as its incubatee, their coach and organizers read it. {@code dueDate} is a Bamako day;
 * {@code overdue} whether that day has passed without validation; {@code allowedActions} the steps the
 * caller may take now (START, SUBMIT for the incubatee; VALIDATE, SEND_BACK for the coach), empty once
 * the incubation has ended.
 */
public record MilestoneView(String id, String incubateeId, String code, String title, String description, String dueDate,
                            boolean custom, MilestoneStatus status, boolean overdue, String evidenceUrl, String comment,
                            String feedback, List<TransitionView> history, Instant createdAt, Instant updatedAt,
                            List<Step> allowedActions) {

    /** One move in the milestone's life: to which state, by whom (id and name), when, with what note. */
    public record TransitionView(MilestoneStatus status, String byId, String byName, Instant at, String note) {
    }

    static MilestoneView of(Milestone milestone, LocalDate today, List<Step> allowedActions) {
        return new MilestoneView(milestone.id(), milestone.incubateeId(), milestone.code(), milestone.title(),
                milestone.description(), milestone.dueDate(), milestone.custom(), milestone.status(),
                milestone.overdueOn(today), milestone.evidenceUrl(), milestone.comment(), milestone.feedback(),
                milestone.history().stream().map(t -> new TransitionView(t.status(), t.byId(), t.byName(), t.at(), t.note()))
                        .toList(),
                milestone.createdAt(), milestone.updatedAt(), allowedActions);
    }
}
