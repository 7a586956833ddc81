package ml.sdn.competition.awards;

import ml.sdn.competition.ranking.CategoryRanking;

import java.util.Objects;

/** A category's final-round ranking of its finalists (from {@link ml.sdn.competition.ranking.Ranking}). */
public record CategoryFinal(String categoryId, CategoryRanking ranking) {

    public CategoryFinal {
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(ranking, "ranking");
    }
}
