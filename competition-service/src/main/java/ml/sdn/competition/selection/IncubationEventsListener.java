package ml.sdn.competition.selection;

import ml.sdn.competition.applications.Application;
import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.incubation.IncubateeDropped;
import ml.sdn.events.incubation.IncubateeGraduated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * incubation-service's outcomes into the applications: graduated, or dropped (no longer a finalist).
 * The topic is incubation-service's to declare; until it exists the consumer waits for it.
 */
@Component
@KafkaListener(topics = Topics.INCUBATION_INCUBATEES, groupId = "${spring.application.name}")
class IncubationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(IncubationEventsListener.class);

    private final IncubationOutcomes outcomes;

    IncubationEventsListener(IncubationOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @KafkaHandler
    void on(IncubateeGraduated event, @Header(CloudEventHeaders.ID) String eventId) {
        boolean written = outcomes.record(event.applicationId(), Application.IncubationStatus.GRADUATED, null,
                timeOf(event.graduatedAt()));
        log.info("Incubatee {} (application {}) graduated (event {}): {}", event.incubateeId(), event.applicationId(),
                eventId, written ? "recorded" : "unknown application or a newer outcome is held");
    }

    @KafkaHandler
    void on(IncubateeDropped event, @Header(CloudEventHeaders.ID) String eventId) {
        boolean written = outcomes.record(event.applicationId(), Application.IncubationStatus.DROPPED, event.reason(),
                timeOf(event.droppedAt()));
        log.info("Incubatee {} (application {}) dropped (event {}): {}", event.incubateeId(), event.applicationId(),
                eventId, written ? "recorded" : "unknown application or a newer outcome is held");
    }

    /** Other incubation events (cohorts, sessions, milestones) are not this service's business. */
    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring an incubation event this service does not handle");
    }

    /** An event without its time is taken as of now (later than any outcome already held). */
    private static Instant timeOf(Instant at) {
        return at != null ? at : Instant.now();
    }
}
