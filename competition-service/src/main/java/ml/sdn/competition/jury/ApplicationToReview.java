package ml.sdn.competition.jury;

import java.util.Objects;

/**
 * A submitted application as the jury rules see it: its id, the organisation that applies
 * ({@code null} when a person applies alone) and the participant who submitted it.
 */
public record ApplicationToReview(String id, String organisationId, String applicantId) {

    public ApplicationToReview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicantId, "applicantId");
    }
}
