package ml.sdn.notification.broadcasts;

import ml.sdn.events.Topics;
import ml.sdn.platform.outbox.OutboxCollection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class BroadcastsConfiguration {

    /** Messages to groups carry their BroadcastRequested event; the platform's relay publishes it. */
    @Bean
    OutboxCollection broadcastsOutbox() {
        return new OutboxCollection(Broadcast.COLLECTION);
    }

    /** This service produces the topic (and reads it back): it declares it, as producers do. */
    @Bean
    KafkaAdmin.NewTopics broadcastsTopic(@Value("${sdn.kafka.replicas:1}") int replicas) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(Topics.NOTIFICATION_BROADCASTS).partitions(3).replicas(replicas).build());
    }
}
