package ml.sdn.competition.registrations;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * This service's own copy of a registered participant (the applicant's country decides eligibility),
 * fed by registration events. {@code asOf} is the time of the event it reflects, so an older event
 * delivered late does not undo a newer one. {@code gender} (FEMALE, MALE, NOT_STATED) is personal data:
 * for the women-led prize and statistics only, never shown to other participants.
 *
 * <p>After the person's erasure only {@code id}, {@code country}, {@code erasedAt} and {@code asOf} (=
 * the erasure time) remain: every other field is null, and a profile event older than the erasure
 * cannot bring them back.
 */
@Document(RegisteredParticipant.COLLECTION)
public record RegisteredParticipant(
        @Id String id,
        String country,
        String displayName,
        String username,
        String email,
        String phone,
        String city,
        String gender,
        String preferredLanguage,
        Instant asOf,
        Instant erasedAt) {

    public static final String COLLECTION = "registered_participants";

    public boolean erased() {
        return erasedAt != null;
    }
}
