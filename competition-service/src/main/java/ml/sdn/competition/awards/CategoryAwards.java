package ml.sdn.competition.awards;

import java.util.List;

/**
 * The prizes of one category: those {@code awarded}, in place order, and the places that are
 * {@code notAwarded} because fewer than three finalists were ranked.
 */
public record CategoryAwards(String categoryId, List<Award> awarded, List<Place> notAwarded) {

    public CategoryAwards {
        awarded = List.copyOf(awarded);
        notAwarded = List.copyOf(notAwarded);
    }
}
