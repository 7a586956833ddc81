package ml.sdn.competition.awards;

import ml.sdn.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AwardsConfiguration {

    /** Published results carry the events of the publication; the platform's relay publishes them. */
    @Bean
    OutboxCollection resultsOutbox() {
        return new OutboxCollection(PublishedResults.COLLECTION);
    }
}
