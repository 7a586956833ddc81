package ml.sdn.registration.participants;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * One participant in the list organizers and coordinators browse. Contact details are there so that a
 * coordinator can support their delegation; {@code gender} only for organizers (absent otherwise); the
 * organisations the person owns or belongs to.
 */
public record ParticipantSummary(String id, String displayName, String email, String phone, String country,
                                 String city, String region, String preferredLanguage,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Gender gender, Instant registeredAt,
                                 List<ParticipantDetail.Membership> organizations) {

    static ParticipantSummary of(Participant participant, DirectoryScope scope,
                                 List<ParticipantDetail.Membership> organizations) {
        return new ParticipantSummary(participant.id(), participant.displayName(), participant.email(), participant.phone(),
                participant.country(), participant.city(), participant.region(), participant.preferredLanguage(),
                scope.withGender() ? participant.gender() : null, participant.registeredAt(), organizations);
    }
}
