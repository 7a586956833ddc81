package ml.sdn.incubation;

import ml.sdn.events.Topics;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.incubation.milestones.Milestone;
import ml.sdn.incubation.sessions.CoachingSession;
import ml.sdn.platform.outbox.OutboxCollection;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The aggregates that carry an outbox (incubatees, milestones, sessions), the topics they publish to
 * (brokers run with auto-create off, so the producer declares them) and the indexes every feature's
 * rules rely on, created at start-up.
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
    KafkaAdmin.NewTopics incubationTopics(@Value("${sdn.kafka.replicas:1}") int replicas) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.INCUBATION_INCUBATEES, replicas),
                topic(Topics.INCUBATION_SESSIONS, replicas),
                topic(Topics.INCUBATION_MILESTONES, replicas));
    }

    private static NewTopic topic(String name, int replicas) {
        return TopicBuilder.name(name).partitions(3).replicas(replicas).build();
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
