package ml.sdn.registration.participants;

import java.time.Instant;

/** A participant profile as its owner sees it. */
public record ParticipantView(String id, String username, String displayName, String email, String country,
                              String preferredLanguage, Consent consent, Instant registeredAt, Instant updatedAt) {

    static ParticipantView of(Participant participant) {
        return new ParticipantView(participant.id(), participant.username(), participant.displayName(), participant.email(),
                participant.country(), participant.preferredLanguage(), participant.consent(), participant.registeredAt(),
                participant.updatedAt());
    }
}
