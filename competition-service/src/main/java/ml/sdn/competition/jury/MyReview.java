package ml.sdn.competition.jury;

import ml.sdn.competition.applications.JurorView;
import ml.sdn.competition.editions.Category;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A juror's own review as they work on it: the category's criteria and scale, their own scores and total
 * (null until they submit), whether scoring is open now and until when, and the application as jurors
 * read it (no names under blind review). {@code scoresRevealedAt}: when they first saw the other jurors'
 * scores of it, after which their own can no longer change (null: not yet). Never another juror's data.
 */
record MyReview(String reviewId, Round round, ReviewStatus status, String editionId, String categoryId,
                Category.LocalizedText categoryName, List<Category.Criterion> criteria, Scale scale,
                Map<String, JuryReview.CriterionScore> scores, Double total, Instant assignedAt, Instant submittedAt,
                boolean scoringOpen, Instant scoringEndsAt, JurorView application, Instant scoresRevealedAt) {

    /** Scores go from {@code min} to {@code max} in steps of {@code step}. */
    record Scale(int min, int max, double step) {
    }
}
