package ml.sdn.competition.ranking;

import java.time.Instant;
import java.util.Objects;

/**
 * An application to rank: its id and when it was submitted (a late tie-break; {@code null} when
 * unknown, which sorts after any known time).
 */
public record Candidate(String applicationId, Instant submittedAt) {

    public Candidate {
        Objects.requireNonNull(applicationId, "applicationId");
    }
}
