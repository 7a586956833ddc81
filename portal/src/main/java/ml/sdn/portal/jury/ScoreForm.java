package ml.sdn.portal.jury;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring form: one score and one comment per criterion, named {@code score.<code>} and
 * {@code comment.<code>}. It keeps what the juror typed (to show it again next to the service's errors)
 * and turns it into the body of {@code PUT /applications/{id}/reviews/mine}. A score is read with a
 * comma or a dot ("7,5" as French people write it); text that is not a number goes to the service as a
 * missing score and the page names it as "not a number" ({@link #unreadableErrors}), next to every error the
 * service finds in the other fields.
 */
public record ScoreForm(Map<String, Entry> entries) {

    public record Entry(String score, String comment) {
    }

    /** What the juror typed, for every criterion of the category (blank when a field was left out). */
    public static ScoreForm typed(List<JuryReview.Criterion> criteria, Map<String, String> params) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JuryReview.Criterion criterion : criteria) {
            entries.put(criterion.code(), new Entry(trim(params.get("score." + criterion.code())),
                    params.getOrDefault("comment." + criterion.code(), "")));
        }
        return new ScoreForm(entries);
    }

    /** The juror's stored scores, to fill the form (blank before the first scoring). */
    public static ScoreForm stored(JuryReview review) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JuryReview.Criterion criterion : review.criteria()) {
            JuryReview.Score score = review.scores() == null ? null : review.scores().get(criterion.code());
            entries.put(criterion.code(), score == null ? new Entry("", "")
                    : new Entry(plain(score.score()), score.comment()));
        }
        return new ScoreForm(entries);
    }

    public Entry of(String code) {
        return entries.getOrDefault(code, new Entry("", ""));
    }

    /** criterion code → {score, comment}, as the service reads it; a blank score goes as null. */
    public Map<String, Map<String, Object>> body() {
        Map<String, Map<String, Object>> scores = new LinkedHashMap<>();
        entries.forEach((code, entry) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("score", number(entry.score()));
            one.put("comment", entry.comment());
            scores.put(code, one);
        });
        return scores;
    }

    /** The criteria whose score is typed but is no number, in the category's order. */
    public List<String> unreadable() {
        return entries.entrySet().stream()
                .filter(e -> !e.getValue().score().isBlank() && number(e.getValue().score()) == null)
                .map(Map.Entry::getKey).toList();
    }

    /** {@code scores.<code>.score} → {@code message} for each criterion whose score is typed but is no number. */
    public Map<String, String> unreadableErrors(String message) {
        Map<String, String> errors = new LinkedHashMap<>();
        unreadable().forEach(code -> errors.put("scores." + code + ".score", message));
        return errors;
    }

    /** 7.5 for "7,5" or "7.5"; null for a blank or for text that is no (finite) number. */
    static Double number(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(typed.strip().replace(',', '.'));
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** 8 for 8.0, 7.5 for 7.5: as a juror would write it. */
    static String plain(double score) {
        return score == Math.rint(score) ? String.valueOf((long) score) : String.valueOf(score);
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
