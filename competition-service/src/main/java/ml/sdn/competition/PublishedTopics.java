package ml.sdn.competition;

import ml.sdn.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service publishes to, one per aggregate (brokers run with auto-create off, so the
 * producer declares them): editions (creation), applications (submission, withdrawal, selection, final rank), categories
 * (phases, deadline extensions), jury (assignments, reviews, reminders) and results (awards, publication).
 */
@Configuration(proxyBeanMethods = false)
class PublishedTopics {

    @Bean
    KafkaAdmin.NewTopics competitionTopics(@Value("${sdn.kafka.replicas:1}") int replicas) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.COMPETITION_APPLICATIONS, 3, replicas),
                topic(Topics.COMPETITION_EDITIONS, 1, replicas),
                topic(Topics.COMPETITION_CATEGORIES, 1, replicas),
                topic(Topics.COMPETITION_JURY, 3, replicas),
                topic(Topics.COMPETITION_RESULTS, 1, replicas));
    }

    private static NewTopic topic(String name, int partitions, int replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
    }
}
