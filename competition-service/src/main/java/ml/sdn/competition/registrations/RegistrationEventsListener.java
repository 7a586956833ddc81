package ml.sdn.competition.registrations;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantDelegationChanged;
import ml.sdn.events.registration.ParticipantErased;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Participant events into the local copy. Each is one conditional upsert by participant id guarded by
 * the event time, so a redelivered or late event has no second effect. Logs carry ids only.
 */
@Component
@KafkaListener(topics = Topics.REGISTRATION_PARTICIPANTS, groupId = "${spring.application.name}")
class RegistrationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(RegistrationEventsListener.class);

    private final RegisteredParticipants participants;
    private final ApplicationEventPublisher followers;

    RegistrationEventsListener(RegisteredParticipants participants, ApplicationEventPublisher followers) {
        this.participants = participants;
        this.followers = followers;
    }

    @KafkaHandler
    void on(ParticipantRegistered event, @Header(CloudEventHeaders.ID) String eventId) {
        boolean written = participants.apply(new RegisteredParticipants.Profile(event.participantId(), event.country(),
                event.displayName(), event.username(), event.email(), event.phone(), event.city(), event.gender(),
                event.preferredLanguage()), event.registeredAt());
        log.info("Participant {} registered (event {}): {}", event.participantId(), eventId, written ? "copied" : "copy is newer");
    }

    @KafkaHandler
    void on(ParticipantProfileUpdated event, @Header(CloudEventHeaders.ID) String eventId) {
        boolean written = participants.apply(new RegisteredParticipants.Profile(event.participantId(), event.country(),
                event.displayName(), event.username(), event.email(), event.phone(), event.city(), event.gender(),
                event.preferredLanguage()), event.updatedAt());
        log.info("Participant {} updated (event {}): {}", event.participantId(), eventId, written ? "copied" : "copy is newer");
    }

    /**
     * An organizer moved the person to another delegation: the copy follows (if older than the move), and so
     * do the drafts' country, taken from the copy as it is then (a redelivered older move cannot undo a newer one).
     */
    @KafkaHandler
    void on(ParticipantDelegationChanged event, @Header(CloudEventHeaders.ID) String eventId) {
        boolean written = participants.move(event.participantId(), event.country(), event.changedAt());
        participants.find(event.participantId()).map(RegisteredParticipant::country)
                .ifPresent(country -> followers.publishEvent(new ParticipantCopyChanged.Moved(event.participantId(), country)));
        log.info("Participant {} moved to another delegation (event {}): {}", event.participantId(), eventId,
                written ? "copy follows" : "copy is newer or absent");
    }

    /**
     * The person asked for erasure: the copy is anonymised. An event without its time is still honoured,
     * as of now (later than any profile event already produced).
     */
    @KafkaHandler
    void on(ParticipantErased event, @Header(CloudEventHeaders.ID) String eventId) {
        Instant erasedAt = event.erasedAt() != null ? event.erasedAt() : Instant.now();
        boolean written = participants.erase(event.participantId(), erasedAt);
        followers.publishEvent(new ParticipantCopyChanged.Erased(event.participantId(), erasedAt));
        log.info("Participant {} erased (event {}): {}", event.participantId(), eventId,
                written ? "copy anonymised" : "already erased or a newer profile is held");
    }

    /** Event types this service does not know (newer producers): nothing to do. */
    @KafkaHandler(isDefault = true)
    void ignore(Object unknown) {
        log.debug("Ignoring an event of a type this service does not handle");
    }
}
