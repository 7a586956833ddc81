package ml.sdn.incubation.milestones;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One milestone of one incubatee: from the cohort's template or added by a coach ({@code custom}).
 * TODO → IN_PROGRESS → SUBMITTED (by the incubatee, with evidence) → VALIDATED, or SENT_BACK with
 * feedback (then submitted again). {@code dueDate} is a Bamako calendar day ({@code yyyy-MM-dd});
 * {@code overdueAnnouncedAt} is set once, when "milestone overdue" is published.
 */
@Document(Milestone.COLLECTION)
public record Milestone(
        @Id String id,
        String incubateeId,
        String cohortId,
        String code,
        String title,
        String description,
        String dueDate,
        boolean custom,
        MilestoneStatus status,
        String evidenceUrl,
        String comment,
        String feedback,
        List<Transition> history,
        Instant overdueAnnouncedAt,
        Instant createdAt,
        Instant updatedAt,
        List<PendingEvent> outbox,
        @Version Long version) {

    public static final String COLLECTION = "incubation_milestones";

    public Milestone {
        history = history == null ? List.of() : history;
        outbox = outbox == null ? List.of() : outbox;
    }

    public enum MilestoneStatus { TODO, IN_PROGRESS, SUBMITTED, VALIDATED, SENT_BACK }

    /** Who moved the milestone to {@code status}, when, with what note. */
    public record Transition(MilestoneStatus status, String byId, Instant at, String note) {
    }
}
