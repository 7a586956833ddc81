package ml.sdn.registration.participants;

import ml.sdn.events.Topics;
import ml.sdn.platform.outbox.OutboxCollection;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class ParticipantsConfiguration {

    /** Participant documents carry their pending events; the platform's relay publishes them. */
    @Bean
    OutboxCollection participantsOutbox() {
        return new OutboxCollection(Participant.COLLECTION);
    }

    @Bean
    NewTopic registrationParticipantsTopic(@Value("${sdn.kafka.replicas:1}") int replicas) {
        return TopicBuilder.name(Topics.REGISTRATION_PARTICIPANTS).partitions(3).replicas(replicas).build();
    }
}
