package ml.sdn.competition.ranking;

/**
 * A category's ranking settings: whether each juror's totals are normalised (see
 * {@link Normalisation}) and how many completed reviews an application needs to be ranked (at least 1).
 */
public record RankingSettings(boolean normalisePerJuror, int minimumCompletedReviews) {

    public RankingSettings {
        if (minimumCompletedReviews < 1) {
            throw new IllegalArgumentException("minimumCompletedReviews must be at least 1, was " + minimumCompletedReviews);
        }
    }
}
