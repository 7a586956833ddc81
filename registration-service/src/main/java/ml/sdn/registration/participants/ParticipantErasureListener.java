package ml.sdn.registration.participants;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Completes an erasure inside this service: when {@code ParticipantErased} comes back from Kafka,
 * every feature's {@link PersonalData#erase} runs. Driven by the event rather than by the DELETE
 * request, so that a crash after the profile was anonymised still ends with every feature erased
 * (the event waits in the outbox, then in Kafka until handled). Each {@code erase} is idempotent, so a
 * redelivered event runs them all again harmlessly; one that keeps failing goes, after the platform's
 * bounded retries, to {@code registration.participants.registration-service.DLT} for an operator to
 * replay. This is the service's only listener on the topic for its consumer group: a second one in the
 * same group would share the partitions and miss events, so add handlers here instead.
 */
@Component
@KafkaListener(topics = Topics.REGISTRATION_PARTICIPANTS, groupId = "${spring.application.name}")
class ParticipantErasureListener {

    private static final Logger log = LoggerFactory.getLogger(ParticipantErasureListener.class);

    private final List<PersonalData> personalData;
    private final ParticipantRepository participants;

    ParticipantErasureListener(List<PersonalData> personalData, ParticipantRepository participants) {
        this.personalData = List.copyOf(personalData);
        this.participants = participants;
    }

    @KafkaHandler
    void on(ParticipantErased event, @Header(CloudEventHeaders.ID) String eventId) {
        if (event.participantId() == null || event.participantId().isBlank()) {
            throw new IllegalArgumentException("ParticipantErased without participantId (event " + eventId + ")");
        }
        if (registeredAgainSince(event)) {
            // a late redelivery must not wipe what the person has entered since they came back
            log.info("Participant {} registered again after erasure event {}: nothing erased", event.participantId(), eventId);
            return;
        }
        for (PersonalData feature : personalData) {
            feature.erase(event.participantId());
        }
        log.info("Personal data of participant {} erased in {} feature(s) (event {})", event.participantId(),
                personalData.size(), eventId);
    }

    private boolean registeredAgainSince(ParticipantErased event) {
        return event.erasedAt() != null && participants.findById(event.participantId())
                .filter(profile -> profile.erasedAt() == null && profile.registeredAt() != null)
                .map(profile -> profile.registeredAt().isAfter(event.erasedAt()))
                .orElse(false);
    }

    /** Registered and updated events, and types this service does not know: nothing to do here. */
    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring an event that is not an erasure");
    }
}
