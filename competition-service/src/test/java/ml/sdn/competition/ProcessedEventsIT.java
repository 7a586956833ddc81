package ml.sdn.competition;

import ml.sdn.platform.messaging.ProcessedEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's record of handled events, on the MongoDB-protocol store's unique _id index. */
class ProcessedEventsIT extends ServiceIT {

    @Autowired
    ProcessedEvents processedEvents;

    @Test
    void an_event_is_a_first_delivery_once_per_consumer() {
        String eventId = UUID.randomUUID().toString();

        assertThat(processedEvents.firstDelivery("awards", eventId)).isTrue();
        assertThat(processedEvents.firstDelivery("awards", eventId)).isFalse();
        assertThat(processedEvents.firstDelivery("ranking", eventId)).isTrue();
    }
}
