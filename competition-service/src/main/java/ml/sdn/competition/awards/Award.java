package ml.sdn.competition.awards;

/** A category prize: the finalist ranked {@code place} in the category's final ranking, and its final score. */
public record Award(String categoryId, Place place, String applicationId, double finalScore) {
}
