package ml.sdn.incubation.erasure;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * registration's participant events: an erasure removes the person's names here; every other type on the
 * topic is ignored. One that fails goes, after the platform's bounded retries, to
 * {@code registration.participants.incubation-service.DLT}. Logs carry ids only.
 */
@Component
@KafkaListener(topics = Topics.REGISTRATION_PARTICIPANTS, groupId = "${spring.application.name}")
class ParticipantErasureListener {

    private static final Logger log = LoggerFactory.getLogger(ParticipantErasureListener.class);

    private final ParticipantErasure erasure;

    ParticipantErasureListener(ParticipantErasure erasure) {
        this.erasure = erasure;
    }

    @KafkaHandler
    void on(ParticipantErased event, @Header(name = CloudEventHeaders.ID, required = false) String eventId) {
        long changed = erasure.forget(event.participantId());
        log.info("Participant {} erased (event {}): names removed from {} document(s)", event.participantId(), eventId, changed);
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object other) {
        log.debug("Ignoring a participant event incubation does not handle");
    }
}
