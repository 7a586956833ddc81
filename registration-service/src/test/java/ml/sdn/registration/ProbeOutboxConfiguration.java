package ml.sdn.registration;

import ml.sdn.platform.outbox.OutboxCollection;
import ml.sdn.registration.participants.RecordingPersonalData;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test-only beans in the one shared context: a second outbox collection, so the relay can be watched
 * on documents the test writes itself; and a feature's personal data that records what it is asked to
 * export and erase, so the participants' export and erasure can be watched reaching every feature.
 */
@TestConfiguration(proxyBeanMethods = false)
class ProbeOutboxConfiguration {

    @Bean
    OutboxCollection probeOutbox() {
        return new OutboxCollection(ServiceIT.PROBE_COLLECTION);
    }

    @Bean
    RecordingPersonalData recordingPersonalData() {
        return new RecordingPersonalData();
    }
}
