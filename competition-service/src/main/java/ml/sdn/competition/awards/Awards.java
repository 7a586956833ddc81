package ml.sdn.competition.awards;

import java.util.List;

/** Every prize of an edition: per category (in the order the categories were given) and the Special Prize. */
public record Awards(List<CategoryAwards> categories, SpecialPrize womenLedPrize) {

    public Awards {
        categories = List.copyOf(categories);
    }
}
