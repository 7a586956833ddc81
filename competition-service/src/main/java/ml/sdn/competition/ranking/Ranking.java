package ml.sdn.competition.ranking;

import ml.sdn.competition.jury.Review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the applications of one category from their jurors' reviews. The rules:
 * <ol>
 *   <li><b>Review total</b> = Σ weight × score / 100 over the category's criteria (weights sum to 100,
 *       scores 0–10, so the total is 0–10). Only completed reviews count; a completed review must
 *       score every criterion.</li>
 *   <li><b>Normalisation</b> (category setting): each completed review's total is replaced by its
 *       juror's z-score mapped back to the category's scale — see {@link Normalisation}. Every
 *       completed review of the category takes part, including those of applications that end up not
 *       ranked: they tell how harsh their juror is.</li>
 *   <li><b>Final score</b> = mean over the application's completed reviews of the totals in use
 *       (normalised when on, raw when off).</li>
 *   <li><b>Minimum</b>: an application with fewer completed reviews than the category's minimum is
 *       not ranked; it is listed apart, with its scores, so organisers can see what is missing.</li>
 *   <li><b>Order and tie-breaks</b> ({@link #ORDER}): higher final score; then higher raw mean; then
 *       more completed reviews; then earlier submission (unknown time last); then application id in
 *       ascending order. Scores are compared rounded to 10<sup>-6</sup>, so that two means that are
 *       equal on paper but differ by floating-point noise count as equal and go to the next
 *       tie-break. The last tie-break is unique, so no two applications share a rank.</li>
 * </ol>
 * Plain Java, no I/O: callers load the category, call {@link #rank}, and store or show the result.
 */
public final class Ranking {

    /**
     * Best first: final score, raw mean (both higher first, compared at 10<sup>-6</sup>), completed
     * reviews (more first), submission time (earlier first, unknown last), application id (ascending).
     * Applications without any completed review come after those with one.
     */
    public static final Comparator<ApplicationScore> ORDER = Comparator
            .comparing((ApplicationScore s) -> rounded(s.finalScore()), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(s -> rounded(s.rawMean()), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(ApplicationScore::completedReviews, Comparator.reverseOrder())
            .thenComparing(ApplicationScore::submittedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(ApplicationScore::applicationId);

    private Ranking() {
    }

    /**
     * @param criteria   the category's criteria; weights must sum to 100
     * @param candidates every application to rank, even those without reviews (they are listed as not ranked)
     * @param reviews    the reviews of these applications (drafts included: they are ignored)
     * @throws IllegalArgumentException when the inputs break a rule (weights, score range, a completed
     *                                  review missing a criterion or naming an unknown one, a review of
     *                                  an unknown application, two reviews of one application by one juror,
     *                                  an application listed twice)
     */
    public static CategoryRanking rank(List<Criterion> criteria, List<Candidate> candidates, List<Review> reviews,
                                       RankingSettings settings) {
        checkCriteria(criteria);
        Map<String, Candidate> byId = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (byId.put(c.applicationId(), c) != null) {
                throw new IllegalArgumentException("application listed twice: " + c.applicationId());
            }
        }

        List<Review> completed = new ArrayList<>();
        Set<String> reviewKeys = new HashSet<>();
        for (Review r : reviews) {
            if (!byId.containsKey(r.applicationId())) {
                throw new IllegalArgumentException("review of an unknown application: " + r.applicationId());
            }
            if (!reviewKeys.add(r.applicationId() + '\u0000' + r.jurorId())) {
                throw new IllegalArgumentException("two reviews of " + r.applicationId() + " by " + r.jurorId());
            }
            if (r.completed()) {
                checkScores(criteria, r);
                completed.add(r);
            }
        }

        int n = completed.size();
        String[] jurors = new String[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            jurors[i] = completed.get(i).jurorId();
            raw[i] = total(criteria, completed.get(i));
        }
        double[] used = settings.normalisePerJuror() ? Normalisation.normalise(jurors, raw) : raw;

        Map<String, List<Integer>> reviewsOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            reviewsOf.computeIfAbsent(completed.get(i).applicationId(), a -> new ArrayList<>()).add(i);
        }

        List<ApplicationScore> scores = new ArrayList<>(byId.size());
        for (Candidate c : byId.values()) {
            List<Integer> mine = reviewsOf.getOrDefault(c.applicationId(), List.of());
            scores.add(score(c, mine, completed, raw, used, criteria, settings.normalisePerJuror()));
        }
        scores.sort(ORDER);

        List<ApplicationScore> ranked = new ArrayList<>();
        List<ApplicationScore> notRanked = new ArrayList<>();
        for (ApplicationScore s : scores) {
            if (s.completedReviews() >= settings.minimumCompletedReviews()) {
                ranked.add(withRank(s, ranked.size() + 1));
            } else {
                notRanked.add(s);
            }
        }
        return new CategoryRanking(criteria, settings, ranked, notRanked);
    }

    /** Σ weight × score / 100: the review's weighted total, 0–10. */
    public static double total(List<Criterion> criteria, Review review) {
        double sum = 0;
        for (Criterion c : criteria) {
            sum += c.weight() * review.scores().get(c.id());
        }
        return sum / 100;
    }

    private static ApplicationScore score(Candidate candidate, List<Integer> mine, List<Review> completed,
                                          double[] raw, double[] used, List<Criterion> criteria,
                                          boolean normalised) {
        int count = mine.size();
        Map<String, Double> averages = new LinkedHashMap<>();
        if (count == 0) {
            return new ApplicationScore(candidate.applicationId(), candidate.submittedAt(), null, null, null, null,
                    averages, 0, List.of());
        }
        double rawSum = 0;
        double usedSum = 0;
        List<ReviewScore> reviewScores = new ArrayList<>(count);
        for (int i : mine) {
            rawSum += raw[i];
            usedSum += used[i];
            reviewScores.add(new ReviewScore(completed.get(i).jurorId(), raw[i], used[i]));
        }
        reviewScores.sort(Comparator.comparing(ReviewScore::jurorId));
        for (Criterion c : criteria) {
            double sum = 0;
            for (int i : mine) {
                sum += completed.get(i).scores().get(c.id());
            }
            averages.put(c.id(), sum / count);
        }
        double rawMean = rawSum / count;
        double finalScore = usedSum / count;
        return new ApplicationScore(candidate.applicationId(), candidate.submittedAt(), null, finalScore, rawMean,
                normalised ? finalScore : null, averages, count, reviewScores);
    }

    private static ApplicationScore withRank(ApplicationScore s, int rank) {
        return new ApplicationScore(s.applicationId(), s.submittedAt(), rank, s.finalScore(), s.rawMean(),
                s.normalisedMean(), s.criterionAverages(), s.completedReviews(), s.reviews());
    }

    private static void checkCriteria(List<Criterion> criteria) {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("a category needs at least one criterion");
        }
        int sum = 0;
        Set<String> ids = new HashSet<>();
        for (Criterion c : criteria) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("criterion listed twice: " + c.id());
            }
            sum += c.weight();
        }
        if (sum != 100) {
            throw new IllegalArgumentException("criteria weights must sum to 100, they sum to " + sum);
        }
    }

    private static void checkScores(List<Criterion> criteria, Review review) {
        for (Criterion c : criteria) {
            Double score = review.scores().get(c.id());
            if (score == null) {
                throw new IllegalArgumentException("completed review of " + review.applicationId() + " by "
                        + review.jurorId() + " has no score for " + c.id());
            }
            if (!(score >= 0 && score <= 10)) {
                throw new IllegalArgumentException("score for " + c.id() + " must be 0..10, was " + score);
            }
        }
        if (review.scores().size() != criteria.size()) {
            throw new IllegalArgumentException("review of " + review.applicationId() + " by " + review.jurorId()
                    + " scores a criterion the category does not have");
        }
    }

    /** Scores compared at 10^-6: floating-point noise must not decide a tie. */
    static Long rounded(Double score) {
        return score == null ? null : Math.round(score * 1_000_000);
    }
}
