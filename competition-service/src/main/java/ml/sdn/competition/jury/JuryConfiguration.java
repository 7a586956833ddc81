package ml.sdn.competition.jury;

import ml.sdn.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class JuryConfiguration {

    /** Reviews carry their pending events (assigned, unassigned, submitted); the platform's relay publishes them. */
    @Bean
    OutboxCollection reviewsOutbox() {
        return new OutboxCollection(JuryReview.COLLECTION);
    }

    @Bean
    ReviewIndexes reviewIndexes(MongoTemplate mongo) {
        return new ReviewIndexes(mongo);
    }

    static final class ReviewIndexes {

        ReviewIndexes(MongoTemplate mongo) {
            var reviews = mongo.indexOps(JuryReview.COLLECTION);
            // a category's round: assignment, ranking, reminders
            reviews.createIndex(new Index().on("categoryId", Sort.Direction.ASC).on("round", Sort.Direction.ASC)
                    .on("status", Sort.Direction.ASC).named("category_round_status"));
            // "my reviews", and "may this juror read this application"
            reviews.createIndex(new Index().on("jurorId", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("juror_status"));
            reviews.createIndex(new Index().on("applicationId", Sort.Direction.ASC).on("jurorId", Sort.Direction.ASC)
                    .named("application_juror"));
        }
    }
}
