package ml.sdn.competition.applications;

import ml.sdn.competition.editions.Category;
import ml.sdn.competition.editions.CategoryCode;
import ml.sdn.competition.editions.Phase;
import ml.sdn.competition.editions.Timeline;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One line of "my applications": light enough for a phone, with the category, the phase now, the
 * applicant's deadline and what can be done. Never a score or a rank.
 */
public record ApplicationSummary(
        String id,
        String reference,
        String categoryId,
        CategoryCode categoryCode,
        Category.LocalizedText categoryName,
        String title,
        ApplicationStatus status,
        Phase phase,
        Instant deadline,
        LocalDateTime deadlineLocal,
        int missingFields,
        boolean canEdit,
        boolean canSubmit,
        boolean canWithdraw,
        boolean hasAttachment,
        Instant updatedAt,
        Instant submittedAt,
        Application.SelectionStatus selectionStatus) {

    static ApplicationSummary of(Application application, Category category, SubmissionWindow window, Instant now) {
        var missing = Eligibility.missingFields(application.content());
        ApplicationView.Allowed allowed = ApplicationView.Allowed.of(application, window, missing, now);
        Instant deadline = window.deadlineFor(application);
        return new ApplicationSummary(application.id(), application.reference(), application.categoryId(),
                application.categoryCode(), category.name(), application.content().title(), application.status(),
                window.phaseAt(now).orElse(null), deadline, LocalDateTime.ofInstant(deadline, Timeline.BAMAKO),
                missing.size(), allowed.edit(), allowed.submit(), allowed.withdraw(), application.attachment() != null,
                application.updatedAt(), application.submittedAt(),
                application.selection() == null ? null : application.selection().status());
    }
}
