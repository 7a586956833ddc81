package ml.sdn.competition.ranking;

import ml.sdn.competition.jury.Review;
import ml.sdn.competition.applications.Application;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.jury.Round;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One round's ranking of a category as it stands now, with the applications it ranks (by id) and the
 * submitted reviews it was made of: what the ranking, the preselection and the results are built on.
 */
public record RoundRanking(Category category, Round round, CategoryRanking ranking,
                           Map<String, Application> applications, List<Review> reviews) {

    public RoundRanking {
        applications = Map.copyOf(applications);
        reviews = List.copyOf(reviews);
    }

    /** Ranked first (in rank order), then not ranked. */
    public List<ApplicationScore> lines() {
        List<ApplicationScore> all = new ArrayList<>(ranking.ranked());
        all.addAll(ranking.notRanked());
        return all;
    }

    /** The first {@code n} ranked applications (fewer when fewer are ranked). */
    public List<ApplicationScore> top(int n) {
        return ranking.ranked().stream().limit(n).toList();
    }
}
