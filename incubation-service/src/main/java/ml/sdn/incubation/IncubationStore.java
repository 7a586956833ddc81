package ml.sdn.incubation;

import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.incubation.milestones.Milestone;
import ml.sdn.incubation.sessions.CoachingSession;
import ml.sdn.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The aggregates that carry an outbox (incubatees, milestones, sessions) and the indexes every feature's
 * rules rely on, created at start-up. Their topics are declared by the platform from the contract
 * ({@code Topics.publishedBy}).
 */
@Configuration(proxyBeanMethods = false)
class IncubationStore {

    @Bean
    OutboxCollection incubateesOutbox() {
        return new OutboxCollection(Incubatee.COLLECTION);
    }

    @Bean
    OutboxCollection milestonesOutbox() {
        return new OutboxCollection(Milestone.COLLECTION);
    }

    @Bean
    OutboxCollection sessionsOutbox() {
        return new OutboxCollection(CoachingSession.COLLECTION);
    }

    @Bean
    Indexes incubationIndexes(MongoTemplate mongo) {
        return new Indexes(mongo);
    }

    static final class Indexes {

        Indexes(MongoTemplate mongo) {
            // one incubatee per application, however often the preselection event arrives
            mongo.indexOps(Incubatee.COLLECTION).createIndex(new Index().on("applicationId", Sort.Direction.ASC)
                    .unique().named("application"));
            mongo.indexOps(Incubatee.COLLECTION).createIndex(new Index().on("coachId", Sort.Direction.ASC).named("coach"));
            mongo.indexOps(Incubatee.COLLECTION).createIndex(new Index().on("participantId", Sort.Direction.ASC).named("participant"));
            mongo.indexOps(Incubatee.COLLECTION).createIndex(new Index().on("cohortId", Sort.Direction.ASC).named("cohort"));
            mongo.indexOps(Milestone.COLLECTION).createIndex(new Index().on("incubateeId", Sort.Direction.ASC).named("incubatee"));
            mongo.indexOps(CoachingSession.COLLECTION).createIndex(new Index().on("incubateeId", Sort.Direction.ASC).named("incubatee"));
        }
    }
}
