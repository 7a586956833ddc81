package ml.sdn.portal.participant.applications;

import ml.sdn.portal.home.PublicEdition;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** One of the participant's applications as competition-service shows it to its applicant. */
record MyApplication(String id, String reference, String editionId, String categoryId, String categoryCode,
                     PublicEdition.Text categoryName, String organizationId, String organizationName, String country,
                     String status, String title, String summary, String problem, String solution, String targetUsers,
                     String stage, String challenge, List<TeamMember> team, String pitchDeckUrl, Attachment attachment,
                     List<String> missingFields, String phase, LocalDateTime deadlineLocal, boolean canEdit,
                     boolean canSubmit, boolean canWithdraw, Instant submittedAt, Selection selection, String incubation) {

    record TeamMember(String name, String role) {
    }

    record Attachment(String fileName, long size, Instant uploadedAt) {
    }

    record Selection(String status) {
    }

    /** Submitting is worth offering while it is not submitted; the service says what is still missing. */
    public boolean mayTrySubmit() {
        return !"SUBMITTED".equals(status) && (canSubmit || canEdit);
    }

    public boolean isDraft() {
        return "DRAFT".equals(status);
    }
}
