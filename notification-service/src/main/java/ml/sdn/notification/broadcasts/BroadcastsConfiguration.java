package ml.sdn.notification.broadcasts;

import ml.sdn.platform.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BroadcastsConfiguration {

    /** Messages to groups carry their BroadcastRequested event; the platform's relay publishes it. */
    @Bean
    OutboxCollection broadcastsOutbox() {
        return new OutboxCollection(Broadcast.COLLECTION);
    }
}
