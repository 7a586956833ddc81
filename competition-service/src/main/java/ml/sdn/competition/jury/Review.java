package ml.sdn.competition.jury;

import java.util.Map;
import java.util.Objects;

/**
 * One juror's review of one application: a score from 0 to 10 per criterion id. Only
 * {@code completed} reviews count; a draft may have missing scores and is ignored by the ranking.
 */
public record Review(String applicationId, String jurorId, Map<String, Double> scores, boolean completed) {

    public Review {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(jurorId, "jurorId");
        scores = scores == null ? Map.of() : Map.copyOf(scores);
    }
}
