package ml.sdn.competition.registrations;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Registration events into the local copy. The copy is an upsert by participant id guarded by the
 * event time, so a redelivered event has no second effect.
 */
@Component
@KafkaListener(topics = Topics.REGISTRATION_PARTICIPANTS, groupId = "${spring.application.name}")
class RegistrationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(RegistrationEventsListener.class);

    private final RegisteredParticipants participants;

    RegistrationEventsListener(RegisteredParticipants participants) {
        this.participants = participants;
    }

    @KafkaHandler
    void on(ParticipantRegistered event, @Header(CloudEventHeaders.ID) String eventId) {
        log.info("Participant {} registered (event {})", event.participantId(), eventId);
        participants.apply(event.participantId(), event.country(), event.displayName(), event.preferredLanguage(),
                event.registeredAt());
    }

    @KafkaHandler
    void on(ParticipantProfileUpdated event, @Header(CloudEventHeaders.ID) String eventId) {
        log.info("Participant {} updated (event {})", event.participantId(), eventId);
        participants.apply(event.participantId(), event.country(), event.displayName(), event.preferredLanguage(),
                event.updatedAt());
    }

    /** Event types this service does not know (newer producers): nothing to do. */
    @KafkaHandler(isDefault = true)
    void ignore(Object unknown) {
        log.debug("Ignoring an event of a type this service does not handle");
    }
}
