package ml.sdn.competition.ranking;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How one application scored, with everything needed to explain it.
 *
 * @param rank              1 = first; {@code null} when the application is not ranked (fewer completed
 *                          reviews than the category's minimum)
 * @param finalScore        mean over completed reviews of the totals the ranking uses (normalised ones
 *                          when normalisation is on, raw ones otherwise); {@code null} without any
 *                          completed review
 * @param rawMean           mean of the raw weighted totals; {@code null} without any completed review
 * @param normalisedMean    mean of the normalised totals; {@code null} when normalisation is off or
 *                          without any completed review
 * @param criterionAverages mean raw score (0–10) per criterion id, in the category's criteria order
 * @param completedReviews  number of completed reviews counted
 * @param reviews           the completed reviews, by juror id
 */
public record ApplicationScore(
        String applicationId,
        Instant submittedAt,
        Integer rank,
        Double finalScore,
        Double rawMean,
        Double normalisedMean,
        Map<String, Double> criterionAverages,
        int completedReviews,
        List<ReviewScore> reviews) {

    public ApplicationScore {
        criterionAverages = criterionAverages == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(criterionAverages));
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }

    public boolean ranked() {
        return rank != null;
    }
}
