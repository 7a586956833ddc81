package ml.sdn.incubation.incubatees;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A preselected candidate in an edition's cohort, created from the competition's preselection event
 * ({@code applicationId} is unique: the same event delivered twice creates one incubatee).
 * {@code participantId} is the applicant (the person who signs in to follow their incubation).
 * {@code coachId} is the current coach, {@code coachHistory} every assignment in order. {@code risk} is
 * what the scheduled check last found; {@code lastSessionAt} the most recent coaching session.
 */
@Document(Incubatee.COLLECTION)
public record Incubatee(
        @Id String id,
        String cohortId,
        String editionId,
        String categoryId,
        String categoryCode,
        String applicationId,
        String participantId,
        String organizationId,
        String organizationName,
        String title,
        String country,
        boolean womenLed,
        IncubateeStatus status,
        String statusReason,
        String coachId,
        List<CoachAssignment> coachHistory,
        Risk risk,
        Instant lastSessionAt,
        Instant enrolledAt,
        Instant updatedAt,
        List<PendingEvent> outbox,
        @Version Long version) {

    public static final String COLLECTION = "incubation_incubatees";

    public Incubatee {
        coachHistory = coachHistory == null ? List.of() : coachHistory;
        outbox = outbox == null ? List.of() : outbox;
    }

    public enum IncubateeStatus { ACTIVE, GRADUATED, DROPPED }

    /** {@code unassignedAt} null for the current coach. */
    public record CoachAssignment(String coachId, String coachName, String assignedBy, Instant assignedAt, Instant unassignedAt) {
    }

    /** {@code reasons}: NO_RECENT_SESSION, OVERDUE_MILESTONES; empty when not at risk. */
    public record Risk(boolean atRisk, List<String> reasons, int overdueMilestones, Instant since, Instant checkedAt) {
    }
}
