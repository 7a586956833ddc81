package ml.sdn.competition.jury;

import ml.sdn.competition.editions.Category;

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

    /** A sheet that breaks a rule: the field at fault, the message key and its arguments. */
    static final class Rejected extends RuntimeException {

        private final String field;
        private final String messageKey;
        private final transient Object[] arguments;

        Rejected(String field, String messageKey, Object... arguments) {
            super(field + " " + messageKey);
            this.field = field;
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        String field() {
            return field;
        }

        String messageKey() {
            return messageKey;
        }

        Object[] arguments() {
            return arguments;
        }
    }

    /**
     * The scores to store, in the category's criterion order.
     *
     * @throws Rejected naming the first field that breaks a rule: unknown criteria first (a typo is
     *                  then named as such rather than as a missing criterion), then criteria in order
     */
    static Map<String, JuryReview.CriterionScore> check(List<Category.Criterion> criteria, int min, int max,
                                                         Map<String, ScoreInput> given) {
        if (given == null || given.isEmpty()) {
            throw new Rejected("scores", "jury.score.required");
        }
        Set<String> codes = criteria.stream().map(Category.Criterion::code).collect(Collectors.toSet());
        for (String key : given.keySet()) {
            if (!codes.contains(key)) {
                boolean echo = key != null && CODE.matcher(key).matches();
                throw new Rejected(echo ? "scores." + key : "scores", "jury.score.unknown-criterion",
                        criteria.stream().map(Category.Criterion::code).collect(Collectors.joining(", ")));
            }
        }
        Map<String, JuryReview.CriterionScore> scores = new LinkedHashMap<>();
        for (Category.Criterion criterion : criteria) {
            String field = "scores." + criterion.code();
            ScoreInput input = given.get(criterion.code());
            if (input == null) {
                throw new Rejected(field, "jury.score.criterion-missing", criterion.code());
            }
            Double score = input.score();
            if (score == null) {
                throw new Rejected(field + ".score", "jury.score.score-required");
            }
            if (score.isNaN() || score < min || score > max || Math.rint(score / STEP) * STEP != score) {
                throw new Rejected(field + ".score", "jury.score.score-invalid", min, max);
            }
            String comment = input.comment() == null ? "" : input.comment().strip();
            if (comment.isEmpty()) {
                throw new Rejected(field + ".comment", "jury.score.comment-required");
            }
            if (comment.length() > COMMENT_MAX) {
                throw new Rejected(field + ".comment", "jury.score.comment-size", COMMENT_MAX);
            }
            scores.put(criterion.code(), new JuryReview.CriterionScore(score, comment));
        }
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
