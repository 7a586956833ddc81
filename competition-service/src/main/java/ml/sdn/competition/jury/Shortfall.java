package ml.sdn.competition.jury;

/**
 * An application that could not get the jurors it needs: {@code required} jurors wanted,
 * {@code assigned} found without a conflict of interest.
 */
public record Shortfall(String applicationId, int required, int assigned) {

    public int missing() {
        return required - assigned;
    }
}
