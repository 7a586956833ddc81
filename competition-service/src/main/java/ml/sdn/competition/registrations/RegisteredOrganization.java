package ml.sdn.competition.registrations;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * This service's own copy of a registered organisation, for eligibility and the women-led Special
 * Prize. {@code type} is START_UP, SME or PROJECT_TEAM; {@code participantIds} are the members who
 * joined with an account (owner included when registration lists them); {@code womenLed} is
 * registration-service's derivation, taken as it is. Members' names and genders are not copied: the
 * derived flag is all this service needs. {@code asOf} is the time of the event the copy reflects.
 */
@Document(RegisteredOrganization.COLLECTION)
public record RegisteredOrganization(
        @Id String id,
        String name,
        String type,
        String country,
        String sector,
        Integer foundingYear,
        String ownerId,
        List<String> participantIds,
        boolean womenLed,
        Instant asOf) {

    public static final String COLLECTION = "registered_organizations";
}
