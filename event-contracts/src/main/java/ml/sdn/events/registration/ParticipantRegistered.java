package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/**
 * A person created their participant profile. {@code participantId} is the Keycloak subject;
 * {@code country} is ML, BF or NE; {@code preferredLanguage} is fr or en.
 */
public record ParticipantRegistered(
        String participantId,
        String username,
        String displayName,
        String email,
        String country,
        String preferredLanguage,
        Instant registeredAt) {

    public static final EventType<ParticipantRegistered> TYPE = EventType.of(
            "sdn.registration.participant-registered.v1", Topics.REGISTRATION_PARTICIPANTS, ParticipantRegistered.class);
}
