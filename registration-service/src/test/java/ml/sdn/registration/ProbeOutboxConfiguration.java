package ml.sdn.registration;

import ml.sdn.platform.outbox.OutboxCollection;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A second outbox collection, so the relay can be watched on documents the test writes itself. */
@TestConfiguration(proxyBeanMethods = false)
class ProbeOutboxConfiguration {

    @Bean
    OutboxCollection probeOutbox() {
        return new OutboxCollection(ServiceIT.PROBE_COLLECTION);
    }
}
