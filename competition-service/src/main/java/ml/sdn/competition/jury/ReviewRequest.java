package ml.sdn.competition.jury;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * A juror's scores for one application: criterion code → score and comment, every criterion of the
 * category once (the rules are {@link ScoreSheet}'s).
 */
record ReviewRequest(
        @NotNull(message = "{jury.score.required}") @Size(min = 1, max = 50, message = "{jury.score.required}")
        Map<String, Score> scores) {

    record Score(Double score, String comment) {
    }
}
