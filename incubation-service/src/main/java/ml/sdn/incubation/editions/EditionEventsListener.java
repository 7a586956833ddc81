package ml.sdn.incubation.editions;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.EditionCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * competition-service's edition events into the local copy of the editions ({@link KnownEditions}); types
 * this service does not know are ignored. One that fails goes, after the platform's bounded retries, to
 * {@code competition.editions.incubation-service.DLT}.
 */
@Component
@KafkaListener(topics = Topics.COMPETITION_EDITIONS, groupId = "${spring.application.name}")
class EditionEventsListener {

    private static final Logger log = LoggerFactory.getLogger(EditionEventsListener.class);

    private final KnownEditions editions;

    EditionEventsListener(KnownEditions editions) {
        this.editions = editions;
    }

    @KafkaHandler
    void on(EditionCreated event, @Header(name = CloudEventHeaders.ID, required = false) String eventId) {
        editions.created(event.editionId(), event.number(), event.year(), event.startDate(), event.endDate(), event.createdAt());
        log.info("Edition {} known (event {})", event.editionId(), eventId);
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring an edition event incubation does not handle");
    }
}
