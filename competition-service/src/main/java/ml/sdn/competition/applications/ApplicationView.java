package ml.sdn.competition.applications;

import com.fasterxml.jackson.annotation.JsonInclude;
import ml.sdn.competition.editions.Action;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.editions.Timeline;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An application as its applicant (and an organizer) reads it: the content as written, where it stands,
 * and what can still be done with it now. {@code deadline} is the applicant's own (the category's, or
 * their extension's), as an instant and as Bamako wall-clock time; {@code missingFields} lists what a
 * submission still needs. {@code selection} appears once decided: its status for the applicant, every
 * detail (rank, score, override reason) for organizers. Jurors and coordinators get other views.
 */
public record ApplicationView(
        String id,
        String reference,
        String editionId,
        String categoryId,
        CategoryCode categoryCode,
        Category.LocalizedText categoryName,
        String applicantId,
        String organizationId,
        String organizationName,
        String country,
        ApplicationStatus status,
        String title,
        String summary,
        String problem,
        String solution,
        String targetUsers,
        Application.Stage stage,
        String challenge,
        List<Application.TeamMember> team,
        String pitchDeckUrl,
        AttachmentView attachment,
        List<String> missingFields,
        Phase phase,
        Instant deadline,
        LocalDateTime deadlineLocal,
        boolean canEdit,
        boolean canSubmit,
        boolean canWithdraw,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant withdrawnAt,
        SelectionView selection,
        Application.IncubationStatus incubation) {

    /** The PDF as listed: download it from {@code …/{id}/attachment}. */
    public record AttachmentView(String fileName, long size, String sha256, Instant uploadedAt) {

        static AttachmentView of(Application.Attachment attachment) {
            return attachment == null ? null
                    : new AttachmentView(attachment.fileName(), attachment.size(), attachment.sha256(), attachment.uploadedAt());
        }
    }

    /** The selection decision: status and date for the applicant; rank, score and override reason for organizers only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SelectionView(Application.SelectionStatus status, Instant decidedAt, Integer rank, Double score,
                                String overrideReason, String decidedBy) {

        static SelectionView of(Application.Selection selection, boolean organizer) {
            if (selection == null || selection.status() == null) {
                return null;
            }
            return organizer
                    ? new SelectionView(selection.status(), selection.decidedAt(), selection.rank(), selection.score(),
                    selection.overrideReason(), selection.decidedBy())
                    : new SelectionView(selection.status(), selection.decidedAt(), null, null, null, null);
        }
    }

    /** What the applicant may do now. */
    record Allowed(boolean edit, boolean submit, boolean withdraw) {

        static Allowed of(Application application, SubmissionWindow window, List<String> missing, Instant now) {
            ApplicationStatus status = application.status();
            boolean edit = status == ApplicationStatus.DRAFT && window.allows(Action.DRAFT_APPLICATION, application, now)
                    || status == ApplicationStatus.SUBMITTED && window.allows(Action.SUBMIT_APPLICATION, application, now);
            boolean submit = status != ApplicationStatus.SUBMITTED && missing.isEmpty()
                    && window.allows(Action.SUBMIT_APPLICATION, application, now);
            boolean withdraw = status == ApplicationStatus.SUBMITTED && window.allows(Action.WITHDRAW_APPLICATION, application, now);
            return new Allowed(edit, submit, withdraw);
        }
    }

    static ApplicationView of(Application application, Category category, SubmissionWindow window,
                              String organizationName, boolean organizer, Instant now) {
        Application.ApplicationContent content = application.content();
        List<String> missing = Eligibility.missingFields(content);
        Allowed allowed = Allowed.of(application, window, missing, now);
        Instant deadline = window.deadlineFor(application);
        return new ApplicationView(application.id(), application.reference(), application.editionId(),
                application.categoryId(), application.categoryCode(), category.name(), application.applicantId(),
                application.organizationId(), organizationName, application.country(), application.status(),
                content.title(), content.summary(), content.problem(), content.solution(), content.targetUsers(),
                content.stage(), content.challenge(), content.team() == null ? List.of() : content.team(),
                content.pitchDeckUrl(), AttachmentView.of(application.attachment()), missing,
                window.phaseAt(now).orElse(null), deadline, LocalDateTime.ofInstant(deadline, Timeline.BAMAKO),
                allowed.edit(), allowed.submit(), allowed.withdraw(), application.createdAt(), application.updatedAt(),
                application.submittedAt(), application.withdrawnAt(), SelectionView.of(application.selection(), organizer),
                application.incubation() == null ? null : application.incubation().status());
    }
}
