package ml.sdn.competition.jury;

import ml.sdn.competition.editions.Category;
import ml.sdn.platform.rules.FieldsRejectedException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The score sheet rules and the review total, by hand. */
class ScoreSheetTest {

    private static final List<Category.Criterion> CRITERIA = List.of(
            new Category.Criterion("impact", new Category.LocalizedText("Impact", "Impact"), 40),
            new Category.Criterion("innovation", new Category.LocalizedText("Innovation", "Innovation"), 35),
            new Category.Criterion("team", new Category.LocalizedText("Équipe", "Team"), 25));

    private static ScoreSheet.ScoreInput score(Double score, String comment) {
        return new ScoreSheet.ScoreInput(score, comment);
    }

    private static Map<String, ScoreSheet.ScoreInput> sheet(Double impact, Double innovation, Double team) {
        Map<String, ScoreSheet.ScoreInput> sheet = new LinkedHashMap<>();
        sheet.put("impact", score(impact, "Clair"));
        sheet.put("innovation", score(innovation, "Original"));
        sheet.put("team", score(team, "Solide"));
        return sheet;
    }

    private static void assertRejected(Map<String, ScoreSheet.ScoreInput> sheet, String field, String key) {
        assertThat(failures(sheet)).contains(field + " " + key);
    }

    /** "field key" of every failure, in the order the sheet names them. */
    private static List<String> failures(Map<String, ScoreSheet.ScoreInput> sheet) {
        try {
            ScoreSheet.check(CRITERIA, 0, 10, sheet);
        } catch (FieldsRejectedException rejected) {
            return rejected.failures().stream().map(failure -> failure.field() + " " + failure.messageKey()).toList();
        }
        throw new AssertionError("the sheet was accepted");
    }

    @Test
    void every_wrong_criterion_is_named_at_once() {
        Map<String, ScoreSheet.ScoreInput> sheet = sheet(11.0, 7.3, null);
        sheet.put("team", score(null, " "));

        assertThat(failures(sheet)).containsExactly("scores.impact.score jury.score.score-invalid",
                "scores.innovation.score jury.score.score-invalid", "scores.team.score jury.score.score-required",
                "scores.team.comment jury.score.comment-required");
    }

    @Test
    void the_total_is_the_weighted_mean_of_the_scores() {
        // 0.40 × 7.5 + 0.35 × 8 + 0.25 × 6 = 3 + 2.8 + 1.5 = 7.3
        Map<String, JuryReview.CriterionScore> scores = ScoreSheet.check(CRITERIA, 0, 10, sheet(7.5, 8.0, 6.0));

        assertThat(ScoreSheet.total(CRITERIA, scores)).isEqualTo(7.3);
        assertThat(scores.keySet()).containsExactly("impact", "innovation", "team");
        assertThat(scores.get("impact")).isEqualTo(new JuryReview.CriterionScore(7.5, "Clair"));
    }

    @Test
    void whole_and_half_points_from_zero_to_ten_are_accepted_and_nothing_finer() {
        assertThat(ScoreSheet.total(CRITERIA, ScoreSheet.check(CRITERIA, 0, 10, sheet(0.0, 10.0, 0.5)))).isEqualTo(3.625);
        assertRejected(sheet(7.25, 8.0, 6.0), "scores.impact.score", "jury.score.score-invalid");
        assertRejected(sheet(7.0, 10.5, 6.0), "scores.innovation.score", "jury.score.score-invalid");
        assertRejected(sheet(7.0, 8.0, -0.5), "scores.team.score", "jury.score.score-invalid");
        assertRejected(sheet(7.0, 8.0, null), "scores.team.score", "jury.score.score-required");
    }

    @Test
    void every_criterion_must_be_scored_once_and_an_unknown_one_is_named() {
        Map<String, ScoreSheet.ScoreInput> missing = sheet(7.0, 8.0, 6.0);
        missing.remove("team");
        assertRejected(missing, "scores.team", "jury.score.criterion-missing");

        Map<String, ScoreSheet.ScoreInput> typo = sheet(7.0, 8.0, 6.0);
        typo.remove("impact");
        typo.put("impakt", score(7.0, "Clair"));
        assertRejected(typo, "scores.impakt", "jury.score.unknown-criterion");

        Map<String, ScoreSheet.ScoreInput> odd = sheet(7.0, 8.0, 6.0);
        odd.put("{\"$gt\": \"\"}", score(7.0, "x"));
        assertRejected(odd, "scores", "jury.score.unknown-criterion");

        Map<String, ScoreSheet.ScoreInput> nullEntry = sheet(7.0, 8.0, 6.0);
        nullEntry.put("innovation", null);
        assertRejected(nullEntry, "scores.innovation", "jury.score.criterion-missing");

        assertRejected(Map.of(), "scores", "jury.score.required");
    }

    @Test
    void every_score_needs_a_comment_of_at_most_2000_characters_kept_without_outer_blanks() {
        Map<String, ScoreSheet.ScoreInput> blank = sheet(7.0, 8.0, 6.0);
        blank.put("impact", score(7.0, "   "));
        assertRejected(blank, "scores.impact.comment", "jury.score.comment-required");

        Map<String, ScoreSheet.ScoreInput> longest = sheet(7.0, 8.0, 6.0);
        longest.put("team", score(6.0, "  " + "x".repeat(2000) + "  "));
        assertThat(ScoreSheet.check(CRITERIA, 0, 10, longest).get("team").comment()).hasSize(2000);

        longest.put("team", score(6.0, "x".repeat(2001)));
        assertRejected(longest, "scores.team.comment", "jury.score.comment-size");
    }

    @Test
    void a_review_not_scored_yet_has_no_total() {
        assertThat(ScoreSheet.total(CRITERIA, Map.of())).isNull();
    }
}
