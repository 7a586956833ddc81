package ml.sdn.competition.jury;

import java.util.Objects;

/** A juror's declaration that they must not review an application (the reason is kept by the caller). */
public record DeclaredConflict(String jurorId, String applicationId) {

    public DeclaredConflict {
        Objects.requireNonNull(jurorId, "jurorId");
        Objects.requireNonNull(applicationId, "applicationId");
    }
}
