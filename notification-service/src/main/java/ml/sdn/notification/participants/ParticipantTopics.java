package ml.sdn.notification.participants;

import ml.sdn.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The dead-letter topic of the participant events this service consumes (brokers do not create topics
 * on the fly). The source topic itself is declared by registration-service, its producer.
 */
@Configuration(proxyBeanMethods = false)
class ParticipantTopics {

    @Bean
    NewTopic registrationParticipantsDeadLetters(@Value("${sdn.kafka.replicas:1}") int replicas) {
        return TopicBuilder.name(Topics.dltOf(Topics.REGISTRATION_PARTICIPANTS)).partitions(3).replicas(replicas).build();
    }
}
