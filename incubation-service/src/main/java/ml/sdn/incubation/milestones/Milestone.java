package ml.sdn.incubation.milestones;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * Whether the milestone is overdue on {@code today} (a Bamako day): its due day has passed and it is not
     * validated. A milestone due today is not overdue yet; a submitted one waiting for its coach still is.
     */
    public boolean overdueOn(LocalDate today) {
        return status != MilestoneStatus.VALIDATED && dueDate != null && LocalDate.parse(dueDate).isBefore(today);
    }

    /**
     * Who moved the milestone to {@code status}, when, with what note; {@code byName} is the name their token
     * carried then (null in entries written before it was kept).
     */
    public record Transition(MilestoneStatus status, String byId, Instant at, String note, String byName) {

        @PersistenceCreator
        public Transition {
        }

        public Transition(MilestoneStatus status, String byId, Instant at, String note) {
            this(status, byId, at, note, null);
        }
    }
}
