package ml.sdn.competition.jury;

import java.util.Comparator;
import java.util.Objects;

/** A juror assigned to review an application. Ordered by application id, then juror id. */
public record Assignment(String applicationId, String jurorId) implements Comparable<Assignment> {

    private static final Comparator<Assignment> ORDER =
            Comparator.comparing(Assignment::applicationId).thenComparing(Assignment::jurorId);

    public Assignment {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(jurorId, "jurorId");
    }

    @Override
    public int compareTo(Assignment other) {
        return ORDER.compare(this, other);
    }
}
