package ml.sdn.registration.participants;

import ml.sdn.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ParticipantsConfiguration {

    /** Participant documents carry their pending events; the platform's relay publishes them. */
    @Bean
    OutboxCollection participantsOutbox() {
        return new OutboxCollection(Participant.COLLECTION);
    }
}
