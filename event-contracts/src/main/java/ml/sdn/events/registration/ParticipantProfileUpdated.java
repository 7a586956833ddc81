package ml.sdn.events.registration;

import ml.sdn.events.EventType;
import ml.sdn.events.Topics;

import java.time.Instant;

/** A participant changed their profile; carries the whole profile as it now is (fields as in {@link ParticipantRegistered}). */
public record ParticipantProfileUpdated(
        String participantId,
        String username,
        String displayName,
        String email,
        String country,
        String preferredLanguage,
        Instant registeredAt,
        Instant updatedAt,
        String phone,
        String city,
        String gender) {

    public static final EventType<ParticipantProfileUpdated> TYPE = EventType.of(
            "sdn.registration.participant-profile-updated.v1", Topics.REGISTRATION_PARTICIPANTS, ParticipantProfileUpdated.class);
}
