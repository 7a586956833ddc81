package ml.sdn.registration.participants;

import java.time.Instant;

/** A participant profile as its owner sees it (gender included: it is theirs). {@code phone} is E.164. */
public record ParticipantView(String id, String username, String displayName, String email, String country,
                              String phone, String city, String region, Gender gender, String preferredLanguage,
                              Consent consent, Instant registeredAt, Instant updatedAt) {

    static ParticipantView of(Participant participant) {
        return new ParticipantView(participant.id(), participant.username(), participant.displayName(), participant.email(),
                participant.country(), participant.phone(), participant.city(), participant.region(), participant.gender(),
                participant.preferredLanguage(), participant.consent(), participant.registeredAt(), participant.updatedAt());
    }
}
