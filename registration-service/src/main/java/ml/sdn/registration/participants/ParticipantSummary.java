package ml.sdn.registration.participants;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One participant in the list organizers and coordinators browse. Contact details are there so that a
 * coordinator can support their delegation; {@code gender} only for organizers (absent otherwise).
 */
public record ParticipantSummary(String id, String displayName, String email, String phone, String country,
                                 String city, String region, String preferredLanguage,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Gender gender, Instant registeredAt) {

    static ParticipantSummary of(Participant participant, DirectoryScope scope) {
        return new ParticipantSummary(participant.id(), participant.displayName(), participant.email(), participant.phone(),
                participant.country(), participant.city(), participant.region(), participant.preferredLanguage(),
                scope.withGender() ? participant.gender() : null, participant.registeredAt());
    }
}
