package ml.sdn.competition.jury;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A category's jury: the people organizers named as its jurors (both rounds), one document per
 * category, replaced whole. A member is a participant id (the Keycloak subject) with the username the
 * organizer typed; names and organisations are read from the registration copy when needed, so they
 * stay current.
 */
@Document(JuryRoster.COLLECTION)
record JuryRoster(
        @Id String categoryId,
        String editionId,
        List<Member> jurors,
        String updatedBy,
        Instant updatedAt,
        @Version Long version) {

    static final String COLLECTION = "competition_jury_rosters";

    JuryRoster {
        jurors = jurors == null ? List.of() : List.copyOf(jurors);
    }

    record Member(String jurorId, String username, Instant addedAt) {
    }
}
