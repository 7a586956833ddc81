package ml.sdn.competition.editions;

import ml.sdn.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PhaseAnnouncementsConfiguration {

    /** Editions carry their EditionCreated event; the platform's relay publishes it. */
    @Bean
    OutboxCollection editionsOutbox() {
        return new OutboxCollection(Edition.COLLECTION);
    }

    /** Phase announcements carry their PhaseChanged event; the platform's relay publishes it. */
    @Bean
    OutboxCollection phaseAnnouncementsOutbox() {
        return new OutboxCollection(PhaseAnnouncement.COLLECTION);
    }
}
