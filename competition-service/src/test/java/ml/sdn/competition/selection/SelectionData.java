package ml.sdn.competition.selection;

import ml.sdn.competition.applications.Application;
import ml.sdn.competition.editions.Category;
import ml.sdn.competition.jury.JuryReview;
import ml.sdn.competition.jury.ReviewStatus;
import ml.sdn.competition.jury.Round;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Jury and selection data written straight into the store for the selection, ranking and awards tests:
 * reviews as the jury feature leaves them (id {@code JuryReview.idOf}), and finalists as a confirmed
 * preselection leaves them. The fixture categories score impact (40), innovation (35) and team (25).
 */
public final class SelectionData {

    private final MongoTemplate mongo;

    public SelectionData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A submitted review scoring the three fixture criteria. */
    public JuryReview review(Category category, Round round, Application application, String jurorId,
                             double impact, double innovation, double team) {
        Map<String, JuryReview.CriterionScore> scores = new LinkedHashMap<>();
        scores.put("impact", new JuryReview.CriterionScore(impact, "Impact noté"));
        scores.put("innovation", new JuryReview.CriterionScore(innovation, "Innovation notée"));
        scores.put("team", new JuryReview.CriterionScore(team, "Équipe notée"));
        Instant now = Instant.now();
        return mongo.save(new JuryReview(JuryReview.idOf(round, application.id(), jurorId), category.editionId(),
                category.id(), application.id(), jurorId, round, ReviewStatus.SUBMITTED, scores, false, "fixture", now,
                now, now, null, null, null, List.of(), null));
    }

    /** A submitted review giving {@code total} on every criterion: its weighted total is {@code total}. */
    public JuryReview review(Category category, Round round, Application application, String jurorId, double total) {
        return review(category, round, application, jurorId, total, total, total);
    }

    /** A review assigned and not submitted yet (it does not count). */
    public JuryReview pending(Category category, Round round, Application application, String jurorId) {
        Instant now = Instant.now();
        return mongo.save(new JuryReview(JuryReview.idOf(round, application.id(), jurorId), category.editionId(),
                category.id(), application.id(), jurorId, round, ReviewStatus.ASSIGNED, Map.of(), false, "fixture", now,
                null, now, null, null, null, List.of(), null));
    }

    /**
     * The category's preselection as if an organizer had confirmed it (decision recorded and complete):
     * {@code preselected} are PRESELECTED (ranks 1, 2, … in the given order), nobody else of the list.
     */
    public PreselectionDecision preselect(Category category, Application... preselected) {
        Instant now = Instant.now();
        List<String> ids = new ArrayList<>();
        List<PreselectionDecision.Standing> standings = new ArrayList<>();
        for (int i = 0; i < preselected.length; i++) {
            Application application = preselected[i];
            ids.add(application.id());
            standings.add(new PreselectionDecision.Standing(application.id(), application.reference(), i + 1, 7.0));
            mongo.updateFirst(query(where("id").is(application.id())), new Update().set("selection",
                    new Application.Selection(Application.SelectionStatus.PRESELECTED, i + 1, 7.0, null, "fixture", now)),
                    Application.class);
        }
        return mongo.insert(new PreselectionDecision(category.id(), category.editionId(), category.code(),
                category.preselectCount(), ids, ids, ids.size() != category.preselectCount(), null, standings, "fixture",
                "Fixture", now, now));
    }

    public Application application(String id) {
        return mongo.findById(id, Application.class);
    }
}
