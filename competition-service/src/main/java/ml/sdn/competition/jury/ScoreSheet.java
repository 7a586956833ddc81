package ml.sdn.competition.jury;

import ml.sdn.competition.editions.Category;
import ml.sdn.platform.rules.FieldChecks;
import ml.sdn.platform.rules.FieldsRejectedException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of a juror's score sheet for one application:
 * <ol>
 *   <li>every criterion of the category is scored exactly once, and nothing else (a missing or unknown
 *       criterion names {@code scores.<code>});</li>
 *   <li>a score lies on the category's scale (0–10) in steps of {@value #STEP}: whole or half points,
 *       as on a paper sheet ({@code scores.<code>.score});</li>
 *   <li>every score has a comment of at most {@value #COMMENT_MAX} characters, kept without its outer
 *       blanks ({@code scores.<code>.comment}).</li>
 * </ol>
 * The review's total is Σ weight × score / 100 (weights sum to 100, so 0–10): the ranking's own formula.
 */
final class ScoreSheet {

    static final double STEP = 0.5;
    static final int COMMENT_MAX = 2000;
    /** Criterion codes as categories define them: only such a key is echoed back in an error's field name. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private ScoreSheet() {
    }

    /** One criterion as the juror sends it. */
    record ScoreInput(Double score, String comment) {
    }

    /**
     * The scores to store, in the category's criterion order.
     *
     * @throws FieldsRejectedException naming every field that breaks a rule, all at once (a juror who typed
     *                                 "11", "7,3" and nothing learns of the three in one answer): unknown
     *                                 criteria first (a typo is then named as such), then criteria in order
     */
    static Map<String, JuryReview.CriterionScore> check(List<Category.Criterion> criteria, int min, int max,
                                                         Map<String, ScoreInput> given) {
        FieldChecks checks = FieldChecks.none();
        if (given == null || given.isEmpty()) {
            checks.reject("scores", "jury.score.required").throwIfAny();
        }
        Set<String> codes = criteria.stream().map(Category.Criterion::code).collect(Collectors.toSet());
        for (String key : given.keySet()) {
            if (!codes.contains(key)) {
                boolean echo = key != null && CODE.matcher(key).matches();
                checks.reject(echo ? "scores." + key : "scores", "jury.score.unknown-criterion",
                        criteria.stream().map(Category.Criterion::code).collect(Collectors.joining(", ")));
            }
        }
        Map<String, JuryReview.CriterionScore> scores = new LinkedHashMap<>();
        for (Category.Criterion criterion : criteria) {
            String field = "scores." + criterion.code();
            ScoreInput input = given.get(criterion.code());
            if (input == null) {
                checks.reject(field, "jury.score.criterion-missing", criterion.code());
                continue;
            }
            Double score = input.score();
            boolean sound = true;
            if (score == null) {
                checks.reject(field + ".score", "jury.score.score-required");
                sound = false;
            } else if (score.isNaN() || score < min || score > max || Math.rint(score / STEP) * STEP != score) {
                checks.reject(field + ".score", "jury.score.score-invalid", min, max);
                sound = false;
            }
            String comment = input.comment() == null ? "" : input.comment().strip();
            if (comment.isEmpty()) {
                checks.reject(field + ".comment", "jury.score.comment-required");
                sound = false;
            } else if (comment.length() > COMMENT_MAX) {
                checks.reject(field + ".comment", "jury.score.comment-size", COMMENT_MAX);
                sound = false;
            }
            if (sound) {
                scores.put(criterion.code(), new JuryReview.CriterionScore(score, comment));
            }
        }
        checks.throwIfAny();
        return scores;
    }

    /** Σ weight × score / 100 over the category's criteria, to the thousandth; null for a review not scored yet. */
    static Double total(List<Category.Criterion> criteria, Map<String, JuryReview.CriterionScore> scores) {
        if (scores == null || scores.isEmpty()) {
            return null;
        }
        double total = 0;
        for (Category.Criterion criterion : criteria) {
            JuryReview.CriterionScore score = scores.get(criterion.code());
            if (score == null) {
                return null;
            }
            total += criterion.weight() * score.score() / 100.0;
        }
        return Math.round(total * 1000) / 1000.0;
    }
}
