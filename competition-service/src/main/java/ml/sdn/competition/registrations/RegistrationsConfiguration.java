package ml.sdn.competition.registrations;

import ml.sdn.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class RegistrationsConfiguration {

    /** Where records this service cannot process go after the retries (brokers do not auto-create topics). */
    @Bean
    NewTopic registrationParticipantsDeadLetters(@Value("${sdn.kafka.replicas:1}") int replicas) {
        return TopicBuilder.name(Topics.dltOf(Topics.REGISTRATION_PARTICIPANTS)).partitions(1).replicas(replicas).build();
    }
}
