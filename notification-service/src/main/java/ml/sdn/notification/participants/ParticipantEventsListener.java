package ml.sdn.notification.participants;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantDelegationChanged;
import ml.sdn.events.registration.ParticipantErased;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.Notice;
import ml.sdn.notification.dispatch.Notifier;
import ml.sdn.notification.recipients.Recipient;
import ml.sdn.notification.recipients.Recipients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/**
 * Registration's participant events: keeps the recipients' copy up to date, welcomes new participants,
 * delivers notices that waited for a profile, and erases a person on request ({@link ParticipantErasure}).
 * A malformed event is rejected (and ends on {@code registration.participants.notification-service.DLT}
 * after the platform's retries) rather than stored half-empty.
 */
@Component
@KafkaListener(topics = Topics.REGISTRATION_PARTICIPANTS, groupId = "${spring.application.name}",
        concurrency = "${sdn.notification.listener-concurrency:3}")
public class ParticipantEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ParticipantEventsListener.class);

    private final Recipients recipients;
    private final Notifier notifier;
    private final ParticipantErasure erasure;

    ParticipantEventsListener(Recipients recipients, Notifier notifier, ParticipantErasure erasure) {
        this.recipients = recipients;
        this.notifier = notifier;
        this.erasure = erasure;
    }

    @KafkaHandler
    public void on(ParticipantRegistered event, @Header(CloudEventHeaders.ID) String eventId) {
        Recipient recipient = recipient(event.participantId(), event.displayName(), event.username(), event.email(),
                event.preferredLanguage(), event.country(), event.phone(), event.registeredAt());
        Notice welcome = new Notice(eventId, NotificationKind.PROFILE_CREATED, event.participantId(),
                Map.of("country", countryKey(event.country())));
        if (recipients.record(recipient)) {
            // the copy is now exactly this: no need to read it back
            notifier.notify(welcome, recipient);
            notifier.releaseHeld(recipient);
        } else {
            notifier.notify(welcome);
            notifier.releaseHeld(event.participantId());
        }
    }

    @KafkaHandler
    public void on(ParticipantProfileUpdated event, @Header(CloudEventHeaders.ID) String eventId) {
        recipients.record(recipient(event.participantId(), event.displayName(), event.username(), event.email(),
                event.preferredLanguage(), event.country(), event.phone(), event.updatedAt()));
        notifier.releaseHeld(event.participantId());
    }

    /** An organizer moved the person to another delegation: the recipient's country follows. */
    @KafkaHandler
    public void on(ParticipantDelegationChanged event, @Header(CloudEventHeaders.ID) String eventId) {
        if (event.participantId() == null || event.participantId().isBlank() || event.changedAt() == null) {
            throw new IllegalArgumentException("Delegation event " + eventId + " without participantId or time");
        }
        boolean written = recipients.move(event.participantId(), event.country(), event.changedAt());
        log.info("Recipient {} moved to another delegation (event {}): {}", event.participantId(), eventId,
                written ? "copy follows" : "copy is newer or absent");
    }

    /** An erasure without its time is still honoured, as of now (later than any profile event already produced). */
    @KafkaHandler
    public void on(ParticipantErased event, @Header(CloudEventHeaders.ID) String eventId) {
        if (event.participantId() == null || event.participantId().isBlank()) {
            throw new IllegalArgumentException("Erasure event " + eventId + " without participantId");
        }
        erasure.erase(event.participantId(), event.erasedAt() != null ? event.erasedAt() : Instant.now());
    }

    @KafkaHandler(isDefault = true)
    public void ignore(Object unknown) {
        log.debug("Ignoring an event type notification-service does not handle: {}", unknown.getClass().getSimpleName());
    }

    private static Recipient recipient(String participantId, String displayName, String username, String email,
                                       String preferredLanguage, String country, String phone, Instant asOf) {
        if (participantId == null || participantId.isBlank()) {
            throw new IllegalArgumentException("Participant event without participantId");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("Participant event for " + participantId + " without its time");
        }
        String name = displayName != null && !displayName.isBlank() ? displayName : username;
        return new Recipient(participantId, name, email, preferredLanguage, country, asOf, null, phone);
    }

    /** ML, BF or NE; anything else reads as "AES space" rather than failing the welcome message. */
    private static String countryKey(String country) {
        return country != null && country.matches("ML|BF|NE") ? country : "unknown";
    }
}
