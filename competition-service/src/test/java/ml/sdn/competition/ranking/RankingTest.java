package ml.sdn.competition.ranking;

import ml.sdn.competition.jury.Review;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RankingTest {

    private static final double EPS = 1e-6;
    /** Innovation counts 60 %, impact 40 %. */
    private static final List<Criterion> CRITERIA = List.of(
            new Criterion("innovation", "Innovation", 60),
            new Criterion("impact", "Impact", 40));
    private static final List<Criterion> ONE_CRITERION = List.of(new Criterion("overall", "Note", 100));
    private static final RankingSettings RAW = new RankingSettings(false, 1);
    private static final RankingSettings NORMALISED = new RankingSettings(true, 1);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void review_total_is_the_weighted_mean_of_criterion_scores() {
        // innovation 8, impact 5: (60 × 8 + 40 × 5) / 100 = (480 + 200) / 100 = 6.8
        Review review = new Review("A", "j1", Map.of("innovation", 8.0, "impact", 5.0), true);

        assertThat(Ranking.total(CRITERIA, review)).isCloseTo(6.8, within(EPS));
    }

    /*
     * The harsh-juror example. Jurors j1 and j2 are fair, h scores 4 points below them.
     * Each application gets two reviews:            totals
     *   A: j1 (8, 5.5) → 4.8 + 2.2 = 7,  j2 (7.5, 6.25) → 4.5 + 2.5 = 7   raw mean 7
     *   B: j2 (8, 8) → 8,                 h  (4, 4)   → 4                 raw mean 6
     *   C: j1 (6, 6) → 6,                 h  (2, 2)   → 2                 raw mean 4
     * Without normalisation: A 7 > B 6 > C 4 — B is first for both jurors who saw it, but loses
     * because one of them is h.
     *
     * With normalisation: all six totals {7, 7, 8, 4, 6, 2}: μ = 34/6 = 17/3 ≈ 5.666667;
     *   Σx² = 49 + 49 + 64 + 16 + 36 + 4 = 218; σ² = 218/6 − (17/3)² = 109/3 − 289/9 = 38/9; σ = √38/3 ≈ 2.054805
     *   j1: totals {7 (A), 6 (C)}: mean 6.5, sd 0.5 → A z = +1, C z = −1
     *   j2: totals {7 (A), 8 (B)}: mean 7.5, sd 0.5 → A z = −1, B z = +1
     *   h:  totals {4 (B), 2 (C)}: mean 3,   sd 1   → B z = +1, C z = −1
     *   normalised = μ + σ z: z = +1 → 7.721471, z = −1 → 3.611862
     *   A: (7.721471 + 3.611862) / 2 = μ = 5.666667;  B: 7.721471;  C: 3.611862
     * Ranking B > A > C: h's harshness no longer decides.
     */
    private static List<Review> harshJurorReviews() {
        return List.of(
                new Review("A", "j1", Map.of("innovation", 8.0, "impact", 5.5), true),
                new Review("A", "j2", Map.of("innovation", 7.5, "impact", 6.25), true),
                new Review("B", "j2", Map.of("innovation", 8.0, "impact", 8.0), true),
                new Review("B", "h", Map.of("innovation", 4.0, "impact", 4.0), true),
                new Review("C", "j1", Map.of("innovation", 6.0, "impact", 6.0), true),
                new Review("C", "h", Map.of("innovation", 2.0, "impact", 2.0), true));
    }

    private static List<Candidate> abc() {
        return List.of(new Candidate("A", T0), new Candidate("B", T0), new Candidate("C", T0));
    }

    @Test
    void harsh_juror_decides_the_ranking_without_normalisation() {
        CategoryRanking ranking = Ranking.rank(CRITERIA, abc(), harshJurorReviews(), new RankingSettings(false, 2));

        assertThat(ranking.ranked()).extracting(ApplicationScore::applicationId).containsExactly("A", "B", "C");
        assertThat(ranking.ranked()).extracting(ApplicationScore::finalScore)
                .containsExactly(7.0, 6.0, 4.0);
        assertThat(ranking.ranked()).allSatisfy(s -> assertThat(s.normalisedMean()).isNull());
    }

    @Test
    void harsh_juror_does_not_decide_the_ranking_with_normalisation() {
        CategoryRanking ranking = Ranking.rank(CRITERIA, abc(), harshJurorReviews(), new RankingSettings(true, 2));

        assertThat(ranking.ranked()).extracting(ApplicationScore::applicationId).containsExactly("B", "A", "C");
        assertThat(ranking.ranked().get(0).finalScore()).isCloseTo(7.721471, within(EPS));
        assertThat(ranking.ranked().get(1).finalScore()).isCloseTo(5.666667, within(EPS));
        assertThat(ranking.ranked().get(2).finalScore()).isCloseTo(3.611862, within(EPS));
        assertThat(ranking.ranked()).extracting(ApplicationScore::rank).containsExactly(1, 2, 3);
    }

    @Test
    void each_score_is_explained_by_criterion_averages_raw_and_normalised_totals() {
        CategoryRanking ranking = Ranking.rank(CRITERIA, abc(), harshJurorReviews(), NORMALISED);

        ApplicationScore a = ranking.ranked().get(1);
        assertThat(a.applicationId()).isEqualTo("A");
        assertThat(a.rank()).isEqualTo(2);
        assertThat(a.completedReviews()).isEqualTo(2);
        // innovation (8 + 7.5) / 2 = 7.75, impact (5.5 + 6.25) / 2 = 5.875, in the criteria's order
        assertThat(a.criterionAverages()).containsExactly(Map.entry("innovation", 7.75), Map.entry("impact", 5.875));
        assertThat(a.rawMean()).isCloseTo(7.0, within(EPS));
        assertThat(a.normalisedMean()).isCloseTo(5.666667, within(EPS));
        assertThat(a.finalScore()).isEqualTo(a.normalisedMean());
        assertThat(a.reviews()).extracting(ReviewScore::jurorId).containsExactly("j1", "j2");
        assertThat(a.reviews().get(0).rawTotal()).isCloseTo(7.0, within(EPS));
        assertThat(a.reviews().get(0).normalisedTotal()).isCloseTo(7.721471, within(EPS));
        assertThat(a.reviews().get(1).rawTotal()).isCloseTo(7.0, within(EPS));
        assertThat(a.reviews().get(1).normalisedTotal()).isCloseTo(3.611862, within(EPS));
    }

    /*
     * h reviews A (6) and C (2); k reviews B (9) and D (7); one review each.
     * μ = (6 + 2 + 9 + 7) / 4 = 6; σ² = (0 + 16 + 9 + 1) / 4 = 6.5; σ ≈ 2.549510
     * h: mean 4, sd 2 → A z = +1, C z = −1;  k: mean 8, sd 1 → B z = +1, D z = −1
     * A = B = 6 + 2.549510 = 8.549510;  C = D = 6 − 2.549510 = 3.450490
     * Equal final scores: the higher raw mean goes first: B (9) before A (6), D (7) before C (2).
     */
    @Test
    void equal_final_scores_are_decided_by_the_higher_raw_mean() {
        List<Candidate> candidates = List.of(new Candidate("A", T0), new Candidate("B", T0),
                new Candidate("C", T0), new Candidate("D", T0));
        List<Review> reviews = List.of(
                overall("A", "h", 6), overall("C", "h", 2), overall("B", "k", 9), overall("D", "k", 7));

        CategoryRanking ranking = Ranking.rank(ONE_CRITERION, candidates, reviews, NORMALISED);

        assertThat(ranking.ranked()).extracting(ApplicationScore::applicationId).containsExactly("B", "A", "D", "C");
        assertThat(ranking.ranked().get(0).finalScore()).isCloseTo(8.549510, within(EPS));
        assertThat(ranking.ranked().get(1).finalScore()).isCloseTo(8.549510, within(EPS));
        assertThat(ranking.ranked().get(3).finalScore()).isCloseTo(3.450490, within(EPS));
    }

    @Test
    void equal_scores_are_decided_by_more_completed_reviews_before_submission_time() {
        // A: 7 and 7 → mean 7 over 2 reviews; B: 7 → mean 7 over 1 review, submitted earlier, smaller id
        List<Candidate> candidates = List.of(new Candidate("A", T0.plusSeconds(60)), new Candidate("B", T0));
        List<Review> reviews = List.of(overall("A", "j1", 7), overall("A", "j2", 7), overall("B", "j1", 7));

        CategoryRanking ranking = Ranking.rank(ONE_CRITERION, candidates, reviews, RAW);

        assertThat(ranking.ranked()).extracting(ApplicationScore::applicationId).containsExactly("A", "B");
    }

    @Test
    void equal_scores_and_review_counts_are_decided_by_earlier_submission_then_unknown_time_last() {
        // all three: one review of 7; B submitted first, A a minute later, C's time unknown
        List<Candidate> candidates = List.of(new Candidate("A", T0.plusSeconds(60)), new Candidate("B", T0),
                new Candidate("C", null));
        List<Review> reviews = List.of(overall("A", "j1", 7), overall("B", "j1", 7), overall("C", "j1", 7));

        CategoryRanking ranking = Ranking.rank(ONE_CRITERION, candidates, reviews, RAW);

        assertThat(ranking.ranked()).extracting(ApplicationScore::applicationId).containsExactly("B", "A", "C");
    }

    @Test
    void last_tie_break_is_the_application_id() {
        List<Candidate> candidates = List.of(new Candidate("app-2", T0), new Candidate("app-1", T0));
        List<Review> reviews = List.of(overall("app-2", "j1", 7), overall("app-1", "j1", 7));

        CategoryRanking ranking = Ranking.rank(ONE_CRITERION, candidates, reviews, RAW);

        assertThat(ranking.ranked()).extracting(ApplicationScore::applicationId).containsExactly("app-1", "app-2");
        assertThat(ranking.ranked()).extracting(ApplicationScore::rank).containsExactly(1, 2);
    }

    @Test
    void floating_point_noise_does_not_decide_a_tie() {
        // A: (5.0 + 5.1 + 6.1) / 3 = 16.2 / 3 = 5.4, which doubles compute as 5.3999999999999995;
        // B: one review of 5.4, submitted earlier. On paper both mean 5.4, so the next tie-break
        // (more reviews) puts A first; compared unrounded, B would win by 5e-16.
        List<Candidate> candidates = List.of(new Candidate("A", T0.plusSeconds(60)), new Candidate("B", T0));
        List<Review> reviews = List.of(overall("A", "j1", 5.0), overall("A", "j2", 5.1), overall("A", "j3", 6.1),
                overall("B", "j1", 5.4));

        CategoryRanking ranking = Ranking.rank(ONE_CRITERION, candidates, reviews, RAW);

        assertThat(ranking.ranked().get(0).finalScore()).isLessThan(ranking.ranked().get(1).finalScore());
        assertThat(ranking.ranked()).extracting(ApplicationScore::applicationId).containsExactly("A", "B");
    }

    @Test
    void applications_below_the_minimum_of_completed_reviews_are_listed_as_not_ranked() {
        // minimum 2. A: 2 completed (6, 8 → 7). B: 1 completed (9) and a draft (10, not counted).
        // C: no review at all. D: 2 completed (5, 5 → 5).
        List<Candidate> candidates = List.of(new Candidate("A", T0), new Candidate("B", T0),
                new Candidate("C", T0), new Candidate("D", T0));
        List<Review> reviews = List.of(
                overall("A", "j1", 6), overall("A", "j2", 8),
                overall("B", "j1", 9), new Review("B", "j2", Map.of("overall", 10.0), false),
                overall("D", "j1", 5), overall("D", "j2", 5));

        CategoryRanking ranking = Ranking.rank(ONE_CRITERION, candidates, reviews, new RankingSettings(false, 2));

        assertThat(ranking.ranked()).extracting(ApplicationScore::applicationId).containsExactly("A", "D");
        assertThat(ranking.ranked()).extracting(ApplicationScore::rank).containsExactly(1, 2);
        assertThat(ranking.notRanked()).extracting(ApplicationScore::applicationId).containsExactly("B", "C");
        ApplicationScore b = ranking.notRanked().get(0);
        assertThat(b.ranked()).isFalse();
        assertThat(b.completedReviews()).isEqualTo(1);
        assertThat(b.finalScore()).isEqualTo(9.0);
        ApplicationScore c = ranking.notRanked().get(1);
        assertThat(c.completedReviews()).isZero();
        assertThat(c.finalScore()).isNull();
        assertThat(c.criterionAverages()).isEmpty();
    }

    @Test
    void drafts_may_miss_scores_but_completed_reviews_may_not() {
        List<Candidate> candidates = List.of(new Candidate("A", T0));
        Review draft = new Review("A", "j1", Map.of("innovation", 8.0), false);
        assertThat(Ranking.rank(CRITERIA, candidates, List.of(draft), RAW).notRanked()).hasSize(1);

        Review incomplete = new Review("A", "j1", Map.of("innovation", 8.0), true);
        assertThatThrownBy(() -> Ranking.rank(CRITERIA, candidates, List.of(incomplete), RAW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("impact");
    }

    @Test
    void rejects_inputs_that_break_the_rules() {
        List<Candidate> a = List.of(new Candidate("A", T0));
        List<Criterion> ninety = List.of(new Criterion("x", "X", 50), new Criterion("y", "Y", 40));
        assertThatThrownBy(() -> Ranking.rank(ninety, a, List.of(), RAW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 90");
        assertThatThrownBy(() -> Ranking.rank(ONE_CRITERION, a, List.of(overall("A", "j1", 10.5)), RAW))
                .hasMessageContaining("0..10");
        assertThatThrownBy(() -> Ranking.rank(ONE_CRITERION, a, List.of(overall("Z", "j1", 5)), RAW))
                .hasMessageContaining("unknown application");
        assertThatThrownBy(() -> Ranking.rank(ONE_CRITERION, a, List.of(overall("A", "j1", 5), overall("A", "j1", 6)), RAW))
                .hasMessageContaining("two reviews");
        assertThatThrownBy(() -> Ranking.rank(ONE_CRITERION, a,
                List.of(new Review("A", "j1", Map.of("overall", 5.0, "other", 5.0), true)), RAW))
                .hasMessageContaining("does not have");
        assertThatThrownBy(() -> new RankingSettings(true, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_same_inputs_in_any_order_give_the_same_ranking() {
        List<Review> shuffled = new ArrayList<>(harshJurorReviews());
        java.util.Collections.reverse(shuffled);
        List<Candidate> candidates = new ArrayList<>(abc());
        java.util.Collections.reverse(candidates);

        assertThat(Ranking.rank(CRITERIA, candidates, shuffled, NORMALISED))
                .isEqualTo(Ranking.rank(CRITERIA, abc(), harshJurorReviews(), NORMALISED));
    }

    private static Review overall(String applicationId, String jurorId, double score) {
        return new Review(applicationId, jurorId, Map.of("overall", score), true);
    }
}
