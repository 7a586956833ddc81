package ml.sdn.competition.awards;

import ml.sdn.competition.ranking.ApplicationScore;
import ml.sdn.competition.ranking.CategoryRanking;
import ml.sdn.competition.ranking.Criterion;
import ml.sdn.competition.ranking.RankingSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ml.sdn.competition.awards.SpecialPrize.NotAwardedReason.EVERY_WOMEN_LED_FINALIST_HOLDS_A_TOP_THREE_PRIZE;
import static ml.sdn.competition.awards.SpecialPrize.NotAwardedReason.NO_RANKED_WOMEN_LED_FINALIST;
import static ml.sdn.competition.awards.SpecialPrize.NotAwardedReason.NO_WOMEN_LED_FINALIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwardRulesTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final AwardSettings NO_OVERLAP = AwardSettings.DEFAULT;
    private static final AwardSettings OVERLAP = new AwardSettings(true);

    /*
     * Start-ups: s1 9.0, s2 8.5, s3 8.0, s4 7.5, s5 7.0
     * Projects:  p1 8.8, p2 8.2, p3 7.9, p4 7.6
     */
    private static CategoryFinal startUps() {
        return category("START_UP_CHALLENGE", 9.0, 8.5, 8.0, 7.5, 7.0);
    }

    private static CategoryFinal projects() {
        return category("PROJECT_CONTEST", 8.8, 8.2, 7.9, 7.6);
    }

    @Test
    void the_three_best_of_each_category_get_first_second_and_third() {
        Awards awards = AwardRules.award(List.of(startUps(), projects()), Set.of(), NO_OVERLAP);

        assertThat(awards.categories()).hasSize(2);
        assertThat(awards.categories().get(0).awarded())
                .extracting(Award::place, Award::applicationId, Award::finalScore)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Place.FIRST, "START_UP_CHALLENGE-1", 9.0),
                        org.assertj.core.groups.Tuple.tuple(Place.SECOND, "START_UP_CHALLENGE-2", 8.5),
                        org.assertj.core.groups.Tuple.tuple(Place.THIRD, "START_UP_CHALLENGE-3", 8.0));
        assertThat(awards.categories().get(1).awarded()).extracting(Award::applicationId)
                .containsExactly("PROJECT_CONTEST-1", "PROJECT_CONTEST-2", "PROJECT_CONTEST-3");
        assertThat(awards.categories()).allSatisfy(c -> assertThat(c.notAwarded()).isEmpty());
    }

    @Test
    void places_without_a_ranked_finalist_are_not_awarded() {
        CategoryFinal two = category("PROJECT_CONTEST", 8.0, 7.0);

        CategoryAwards awards = AwardRules.award(List.of(two), Set.of(), NO_OVERLAP).categories().get(0);

        assertThat(awards.awarded()).extracting(Award::place).containsExactly(Place.FIRST, Place.SECOND);
        assertThat(awards.notAwarded()).containsExactly(Place.THIRD);
    }

    @Test
    void womens_prize_goes_to_the_best_women_led_finalist_without_a_top_three_prize() {
        // women-led: s2 (8.5, 2nd: holds a prize), p4 (7.6), s5 (7.0). Best without a prize: p4 (7.6 > 7.0)
        Awards awards = AwardRules.award(List.of(startUps(), projects()),
                Set.of("START_UP_CHALLENGE-2", "PROJECT_CONTEST-4", "START_UP_CHALLENGE-5"), NO_OVERLAP);

        SpecialPrize prize = awards.womenLedPrize();
        assertThat(prize.isAwarded()).isTrue();
        assertThat(prize.applicationId()).isEqualTo("PROJECT_CONTEST-4");
        assertThat(prize.categoryId()).isEqualTo("PROJECT_CONTEST");
        assertThat(prize.rankInCategory()).isEqualTo(4);
        assertThat(prize.finalScore()).isEqualTo(7.6);
    }

    @Test
    void womens_prize_is_decided_by_final_score_across_categories_not_by_rank_position() {
        // women-led: s4 (4th, 7.5) and p4 (4th, 7.6), s5 (5th, 7.0): same rank 4, p4 has the higher score
        Awards awards = AwardRules.award(List.of(startUps(), projects()),
                Set.of("START_UP_CHALLENGE-4", "PROJECT_CONTEST-4"), NO_OVERLAP);

        assertThat(awards.womenLedPrize().applicationId()).isEqualTo("PROJECT_CONTEST-4");
    }

    @Test
    void with_overlap_allowed_the_best_women_led_finalist_wins_even_with_a_top_three_prize() {
        // women-led: s2 (8.5, 2nd) and p4 (7.6): overlap allowed → s2
        Awards awards = AwardRules.award(List.of(startUps(), projects()),
                Set.of("START_UP_CHALLENGE-2", "PROJECT_CONTEST-4"), OVERLAP);

        assertThat(awards.womenLedPrize().applicationId()).isEqualTo("START_UP_CHALLENGE-2");
        assertThat(awards.womenLedPrize().rankInCategory()).isEqualTo(2);
        assertThat(awards.categories().get(0).awarded().get(1).applicationId()).isEqualTo("START_UP_CHALLENGE-2");
    }

    @Test
    void womens_prize_is_not_awarded_without_a_women_led_finalist() {
        SpecialPrize prize = AwardRules.award(List.of(startUps(), projects()), Set.of("someone-else"), NO_OVERLAP)
                .womenLedPrize();

        assertThat(prize.isAwarded()).isFalse();
        assertThat(prize.reason()).isEqualTo(NO_WOMEN_LED_FINALIST);
        assertThat(prize.applicationId()).isNull();
    }

    @Test
    void womens_prize_is_not_awarded_when_every_women_led_finalist_holds_a_top_three_prize() {
        SpecialPrize prize = AwardRules.award(List.of(startUps(), projects()),
                Set.of("START_UP_CHALLENGE-1", "PROJECT_CONTEST-3"), NO_OVERLAP).womenLedPrize();

        assertThat(prize.reason()).isEqualTo(EVERY_WOMEN_LED_FINALIST_HOLDS_A_TOP_THREE_PRIZE);
    }

    @Test
    void womens_prize_is_not_awarded_when_no_women_led_finalist_is_ranked() {
        // w has too few reviews: listed among the not ranked
        CategoryFinal withUnranked = new CategoryFinal("PROJECT_CONTEST", new CategoryRanking(
                List.of(new Criterion("overall", "Note", 100)), new RankingSettings(false, 3),
                List.of(score("p1", 1, 8.0, 8.0)), List.of(score("w", null, 9.0, 9.0))));

        Awards awards = AwardRules.award(List.of(withUnranked), Set.of("w"), NO_OVERLAP);

        assertThat(awards.womenLedPrize().reason()).isEqualTo(NO_RANKED_WOMEN_LED_FINALIST);
        assertThat(awards.categories().get(0).awarded()).extracting(Award::applicationId).containsExactly("p1");
    }

    @Test
    void a_tie_across_categories_follows_the_ranking_tie_breaks() {
        // x in start-ups and y in projects, both 4th with final score 7.5:
        //   raw means 7.0 (x) and 7.2 (y) → y, whatever the order of the categories
        CategoryFinal a = withFourth("START_UP_CHALLENGE", score("x", 4, 7.5, 7.0));
        CategoryFinal b = withFourth("PROJECT_CONTEST", score("y", 4, 7.5, 7.2));

        assertThat(AwardRules.award(List.of(a, b), Set.of("x", "y"), NO_OVERLAP).womenLedPrize().applicationId())
                .isEqualTo("y");
        assertThat(AwardRules.award(List.of(b, a), Set.of("x", "y"), NO_OVERLAP).womenLedPrize().applicationId())
                .isEqualTo("y");

        // equal in everything (score, raw mean, 3 reviews, same submission time) → smaller id: "x" < "y"
        CategoryFinal c = withFourth("PROJECT_CONTEST", score("y", 4, 7.5, 7.0));
        assertThat(AwardRules.award(List.of(c, a), Set.of("x", "y"), NO_OVERLAP).womenLedPrize().applicationId())
                .isEqualTo("x");
    }

    @Test
    void rejects_an_application_in_two_categories() {
        CategoryFinal a = withFourth("START_UP_CHALLENGE", score("x", 4, 7.5, 7.0));
        CategoryFinal b = withFourth("PROJECT_CONTEST", score("x", 4, 7.5, 7.0));

        assertThatThrownBy(() -> AwardRules.award(List.of(a, b), Set.of(), NO_OVERLAP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two categories");
    }

    /** A category whose finalists are ranked 1, 2, … with these final scores (raw mean = final score). */
    private static CategoryFinal category(String id, double... scores) {
        List<ApplicationScore> ranked = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            ranked.add(score(id + "-" + (i + 1), i + 1, scores[i], scores[i]));
        }
        return new CategoryFinal(id, ranking(ranked));
    }

    /** Three prize-holders scoring 9, 8.5 and 8, then {@code fourth}. */
    private static CategoryFinal withFourth(String id, ApplicationScore fourth) {
        return new CategoryFinal(id, ranking(List.of(score(id + "-1", 1, 9.0, 9.0), score(id + "-2", 2, 8.5, 8.5),
                score(id + "-3", 3, 8.0, 8.0), fourth)));
    }

    private static CategoryRanking ranking(List<ApplicationScore> ranked) {
        return new CategoryRanking(List.of(new Criterion("overall", "Note", 100)), new RankingSettings(true, 3),
                ranked, List.of());
    }

    private static ApplicationScore score(String id, Integer rank, double finalScore, double rawMean) {
        return new ApplicationScore(id, T0, rank, finalScore, rawMean, finalScore, Map.of("overall", rawMean), 3,
                List.of());
    }
}
