package ml.sdn.competition.ranking;

/**
 * One completed review as the ranking used it: the juror, the weighted total of their scores
 * ({@code rawTotal}, 0–10) and that total after per-juror normalisation ({@code normalisedTotal};
 * equal to {@code rawTotal} when normalisation is off).
 */
public record ReviewScore(String jurorId, double rawTotal, double normalisedTotal) {
}
