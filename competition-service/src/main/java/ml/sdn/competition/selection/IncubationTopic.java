package ml.sdn.competition.selection;

import ml.sdn.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares {@code incubation.incubatees} (3 partitions, as incubation-service will) although this service
 * only reads it. Without it the service starts and is ready all the same, and picks the topic up when it
 * appears, but until incubation-service runs its consumer logs an UNKNOWN_TOPIC_OR_PARTITION warning about
 * every second. Declaring an existing topic with the same partitions changes nothing, so the first of the
 * two services to start creates it.
 */
@Configuration(proxyBeanMethods = false)
class IncubationTopic {

    @Bean
    KafkaAdmin.NewTopics incubateesTopic(@Value("${sdn.kafka.replicas:1}") int replicas) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(Topics.INCUBATION_INCUBATEES).partitions(3).replicas(replicas).build());
    }
}
