package ml.sdn.competition.jury;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One juror's review of one application in one round: created when the juror is assigned (status
 * ASSIGNED), holding the scores once the juror submits them (SUBMITTED, changeable until the round's
 * phase ends), or ended by a conflict of interest, an organizer or the service (CONFLICTED, REMOVED, with
 * {@code endReason} and who or what ended it in {@code endKind}). The id is
 * {@code <round>:<applicationId>:<jurorId>}, so a juror never holds two reviews of the same application
 * in a round. {@code scores} maps criterion code to score and comment. {@code revealedAt} is when the
 * juror first saw the other jurors' scores of the application: their own scores are final from then on.
 */
@Document(JuryReview.COLLECTION)
public record JuryReview(
        @Id String id,
        String editionId,
        String categoryId,
        String applicationId,
        String jurorId,
        Round round,
        ReviewStatus status,
        Map<String, CriterionScore> scores,
        boolean manual,
        String assignedBy,
        Instant assignedAt,
        Instant submittedAt,
        Instant updatedAt,
        String endReason,
        EndKind endKind,
        Instant revealedAt,
        List<PendingEvent> outbox,
        @Version Long version) {

    public static final String COLLECTION = "competition_reviews";

    public JuryReview {
        scores = scores == null ? Map.of() : scores;
        outbox = outbox == null ? List.of() : outbox;
    }

    public static String idOf(Round round, String applicationId, String jurorId) {
        return round + ":" + applicationId + ":" + jurorId;
    }

    /** Assigned and not ended: the juror may read the application and score it. */
    public boolean active() {
        return status == ReviewStatus.ASSIGNED || status == ReviewStatus.SUBMITTED;
    }

    /** A score from the category's scale with the juror's comment on it. */
    public record CriterionScore(double score, String comment) {
    }
}
