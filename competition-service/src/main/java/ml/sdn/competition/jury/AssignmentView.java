package ml.sdn.competition.jury;

import java.time.Instant;

/** One review as organizers see it in lists (no scores): who reviews which application in which round, and where it stands. */
record AssignmentView(String reviewId, String applicationId, String reference, Round round, ReviewStatus status,
                      String jurorId, String username, boolean manual, Instant assignedAt, Instant submittedAt,
                      String endReason) {
}
