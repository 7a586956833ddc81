package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/**
 * A person created their participant profile. {@code participantId} is the Keycloak subject;
 * {@code country} is ML, BF or NE; {@code preferredLanguage} is fr or en; {@code phone} is E.164 or
 * null; {@code gender} is FEMALE, MALE or NOT_STATED (personal data: consumers may use it for the
 * women-led prize and statistics only, never show it to other participants).
 */
public record ParticipantRegistered(
        String participantId,
        String username,
        String displayName,
        String email,
        String country,
        String preferredLanguage,
        Instant registeredAt,
        String phone,
        String city,
        String gender) {

    public static final EventType<ParticipantRegistered> TYPE = EventType.of(
            "sdn.registration.participant-registered.v1", Topics.REGISTRATION_PARTICIPANTS, ParticipantRegistered.class);
}
