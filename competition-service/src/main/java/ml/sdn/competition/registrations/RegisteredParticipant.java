package ml.sdn.competition.registrations;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * This service's own copy of what it needs about a registered participant (the applicant's country
 * decides eligibility), fed by registration events. {@code asOf} is the time of the event it reflects,
 * so an older event delivered late does not undo a newer one.
 */
@Document(RegisteredParticipant.COLLECTION)
public record RegisteredParticipant(@Id String id, String country, String displayName, String preferredLanguage, Instant asOf) {

    public static final String COLLECTION = "registered_participants";
}
