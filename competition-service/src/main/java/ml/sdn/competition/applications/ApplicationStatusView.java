package ml.sdn.competition.applications;

import ml.sdn.competition.editions.CategoryCode;

import java.time.Instant;

/**
 * An application as lists show it, and as a coordinator reads one of their country: where it stands,
 * nothing of its content but the title, never a score or a rank. {@code applicantId},
 * {@code applicantName}, {@code organizationId}, {@code organizationName} and {@code womenLed} (the Special
 * Prize's rule) are filled for organizers only.
 */
public record ApplicationStatusView(
        String id,
        String reference,
        String title,
        String categoryId,
        CategoryCode categoryCode,
        String country,
        ApplicationStatus status,
        Instant submittedAt,
        Application.SelectionStatus selectionStatus,
        String applicantId,
        String applicantName,
        String organizationId,
        String organizationName,
        Boolean womenLed) {

    static ApplicationStatusView forCoordinator(Application application) {
        return of(application, null, null, null, false);
    }

    static ApplicationStatusView forOrganizer(Application application, String applicantName, String organizationName,
                                              boolean womenLed) {
        return of(application, applicantName, organizationName, womenLed, true);
    }

    private static ApplicationStatusView of(Application application, String applicantName, String organizationName,
                                            Boolean womenLed, boolean organizer) {
        return new ApplicationStatusView(application.id(), application.reference(),
                application.content() == null ? null : application.content().title(), application.categoryId(),
                application.categoryCode(), application.country(), application.status(), application.submittedAt(),
                application.selection() == null ? null : application.selection().status(),
                organizer ? application.applicantId() : null, organizer ? applicantName : null,
                organizer ? application.organizationId() : null, organizer ? organizationName : null,
                organizer ? womenLed : null);
    }
}
