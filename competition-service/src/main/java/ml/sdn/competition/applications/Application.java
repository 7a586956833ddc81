package ml.sdn.competition.applications;

import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A participant's application to one category of an edition. The applicant writes {@code content}
 * (draft, then submitted); {@code reference} is the receipt number, given at the first submission.
 * {@code organizationId} is null for a project holder applying alone (a team of one).
 * {@code claimKey} holds "one live application per organisation (or person) per category" in a
 * unique index; it is cleared when the application is withdrawn.
 *
 * <p>Three features write three disjoint parts of this document, each with targeted updates:
 * {@code applications} everything the applicant does, {@code selection} the preselection decision,
 * and the incubation outcome ({@code incubation}) taken from incubation-service's events. Events
 * about the application wait in {@code outbox} (keyed by the application id).
 */
@Document(Application.COLLECTION)
public record Application(
        @Id String id,
        String reference,
        String editionId,
        String categoryId,
        CategoryCode categoryCode,
        String applicantId,
        String organizationId,
        String country,
        ApplicationStatus status,
        ApplicationContent content,
        Attachment attachment,
        String claimKey,
        Selection selection,
        IncubationOutcome incubation,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant withdrawnAt,
        List<PendingEvent> outbox,
        @Version Long version) {

    public static final String COLLECTION = "competition_applications";

    public Application {
        outbox = outbox == null ? List.of() : outbox;
    }

    /** What the applicant writes. {@code team} lists the people behind the project (a holder alone: one). */
    public record ApplicationContent(
            String title,
            String summary,
            String problem,
            String solution,
            String targetUsers,
            Stage stage,
            String challenge,
            List<TeamMember> team,
            String pitchDeckUrl) {
    }

    public enum Stage { IDEA, PROTOTYPE, MVP, REVENUE }

    public record TeamMember(String name, String role) {
    }

    /** The optional PDF: metadata here, bytes in their own collection. */
    public record Attachment(String fileId, String fileName, String contentType, long size, String sha256,
                             Instant uploadedAt) {
    }

    /** The organizer's preselection decision; {@code overrideReason} when it departs from the ranking. */
    public record Selection(SelectionStatus status, Integer rank, Double score, String overrideReason,
                            String decidedBy, Instant decidedAt) {
    }

    public enum SelectionStatus { PRESELECTED, NOT_PRESELECTED }

    /** What incubation-service reported: GRADUATED or DROPPED (with its reason). */
    public record IncubationOutcome(IncubationStatus status, String reason, Instant at) {
    }

    public enum IncubationStatus { GRADUATED, DROPPED }

    /** A preselected candidate who has not left the incubation: the final round ranks these. */
    public boolean finalist() {
        return selection != null && selection.status() == SelectionStatus.PRESELECTED
                && (incubation == null || incubation.status() != IncubationStatus.DROPPED);
    }
}
