package ml.sdn.competition.jury;

import ml.sdn.competition.applications.ApplicationJurors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The reads other features need: who may see an application, and the submitted scores a ranking is made of. */
@Service
public class ReviewDirectory implements ApplicationJurors {

    private final MongoTemplate mongo;

    ReviewDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean isActiveJuror(String applicationId, String jurorId) {
        return mongo.exists(query(where("applicationId").is(applicationId).and("jurorId").is(jurorId)
                .and("status").in(ReviewStatus.ASSIGNED, ReviewStatus.SUBMITTED)), JuryReview.class);
    }

    /** The submitted reviews of a category's round as the ranking reads them (every one completed). */
    public List<Review> submitted(String categoryId, Round round) {
        return mongo.find(query(where("categoryId").is(categoryId).and("round").is(round)
                        .and("status").is(ReviewStatus.SUBMITTED)).with(Sort.by("applicationId", "jurorId")), JuryReview.class)
                .stream().map(ReviewDirectory::toRanking).toList();
    }

    static Review toRanking(JuryReview review) {
        Map<String, Double> scores = new LinkedHashMap<>();
        review.scores().forEach((criterion, score) -> scores.put(criterion, score.score()));
        return new Review(review.applicationId(), review.jurorId(), scores, true);
    }
}
