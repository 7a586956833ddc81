package ml.sdn.competition.ranking;

import ml.sdn.competition.jury.Review;
import ml.sdn.competition.applications.Application;
import ml.sdn.competition.applications.ApplicationDirectory;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.jury.ReviewDirectory;
import ml.sdn.competition.jury.Round;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads what a round's ranking is made of and calls {@link Ranking#rank}: the preselection round ranks
 * the category's submitted applications, the final round its finalists (preselected and not dropped
 * from the incubation), each from the round's submitted reviews, with the category's settings.
 * A submitted review of an application that is no longer a candidate (a finalist who left the
 * incubation after being scored) does not count.
 */
@Service
public class CategoryRankings {

    private final ApplicationDirectory applications;
    private final ReviewDirectory reviews;

    CategoryRankings(ApplicationDirectory applications, ReviewDirectory reviews) {
        this.applications = applications;
        this.reviews = reviews;
    }

    /** @param locale the language of the criterion labels (CSV headers) */
    public RoundRanking rank(Category category, Round round, Locale locale) {
        List<Application> candidates = round == Round.FINAL
                ? applications.finalistsIn(category.id()) : applications.submittedIn(category.id());
        Map<String, Application> byId = new LinkedHashMap<>();
        candidates.forEach(application -> byId.put(application.id(), application));
        List<Review> submitted = reviews.submitted(category.id(), round).stream()
                .filter(review -> byId.containsKey(review.applicationId())).toList();
        CategoryRanking ranking = Ranking.rank(criteria(category, locale),
                candidates.stream().map(a -> new Candidate(a.id(), a.submittedAt())).toList(), submitted,
                new RankingSettings(category.settings().normalisePerJuror(), category.settings().minimumCompletedReviews()));
        return new RoundRanking(category, round, ranking, byId, submitted);
    }

    static List<Criterion> criteria(Category category, Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return category.criteria().stream().map(c -> new Criterion(c.code(),
                c.label() == null ? c.code() : english ? c.label().en() : c.label().fr(), c.weight())).toList();
    }
}
