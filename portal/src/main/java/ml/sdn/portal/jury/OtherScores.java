package ml.sdn.portal.jury;

import java.util.List;
import java.util.Map;

/**
 * The reviews of an application as a juror may read them after their own, when the category reveals
 * scores: their own line ({@code mine}) and the others as "Juror 1", "Juror 2"…, scores only.
 */
public record OtherScores(String applicationId, List<Line> reviews) {

    public record Line(String round, String juror, Boolean mine, Map<String, JuryReview.Score> scores, Double total) {

        public boolean isMine() {
            return Boolean.TRUE.equals(mine);
        }
    }
}
