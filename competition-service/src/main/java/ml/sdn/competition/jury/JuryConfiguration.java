package ml.sdn.competition.jury;

import ml.sdn.competition.registrations.RegisteredOrganization;
import ml.sdn.competition.registrations.RegisteredParticipant;
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

    /** Reminders carry their ReviewReminder event. */
    @Bean
    OutboxCollection remindersOutbox() {
        return new OutboxCollection(ReviewReminderSent.COLLECTION);
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
            // the jury's reads of the registration copy: a juror by the username organizers type, and the
            // organisations a juror belongs to (conflicts of interest)
            mongo.indexOps(RegisteredParticipant.COLLECTION).createIndex(new Index().on("username", Sort.Direction.ASC)
                    .named("username"));
            var organizations = mongo.indexOps(RegisteredOrganization.COLLECTION);
            organizations.createIndex(new Index().on("ownerId", Sort.Direction.ASC).named("owner"));
            organizations.createIndex(new Index().on("participantIds", Sort.Direction.ASC).named("members"));
        }
    }
}
