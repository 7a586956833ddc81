package ml.sdn.competition.jury;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The reviews of one application. Organizers get every review of every round with the juror's identity,
 * status and scores (and a conflict's or removal's reason in {@code endReason}). A juror gets, for each
 * round in which their own review is submitted, their own line ({@code mine}) and the other submitted
 * reviews as "Juror 1", "Juror 2"… with scores only: no id, name, time or status that could tell who.
 */
record ApplicationReviews(String applicationId, List<Line> reviews) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(String reviewId, Round round, ReviewStatus status, String juror, Boolean mine, String jurorId,
                String username, String displayName, Boolean manual, Instant assignedAt, Instant submittedAt,
                Map<String, JuryReview.CriterionScore> scores, Double total, String endReason) {

        static Line forOrganizer(JuryReview review, String username, String displayName, Double total) {
            return new Line(review.id(), review.round(), review.status(), username, null, review.jurorId(), username,
                    displayName, review.manual(), review.assignedAt(), review.submittedAt(), review.scores(), total,
                    review.endReason());
        }

        static Line forJuror(Round round, String label, boolean mine, Map<String, JuryReview.CriterionScore> scores,
                             Double total) {
            return new Line(null, round, null, label, mine, null, null, null, null, null, null, scores, total, null);
        }
    }
}
