package ml.sdn.portal.participant.applications;

import ml.sdn.portal.home.PublicEdition;

import java.time.LocalDateTime;

/** One line of "my applications" (competition-service's summary: no score, no rank). */
record ApplicationLine(String id, String reference, String categoryId, String categoryCode, PublicEdition.Text categoryName,
                       String title, String status, String phase, LocalDateTime deadlineLocal, int missingFields,
                       boolean canEdit, boolean canSubmit, boolean canWithdraw, boolean hasAttachment,
                       String selectionStatus) {
}
