package ml.sdn.incubation.incubatees;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A person organizers may assign as a coach, by Keycloak subject ({@code id}). Entries come from two
 * places: an organizer declares them ({@code declaredBy}), or a person signs in with the {@code coach}
 * role and uses the coach views ({@code seenAt}: the role was seen in a verified token). {@code onRoster}
 * false: an organizer took them off; they keep their incubatees until reassigned but get no new ones.
 */
@Document(CoachRosterEntry.COLLECTION)
record CoachRosterEntry(@Id String id, String name, boolean onRoster, String declaredBy, Instant declaredAt,
                        Instant seenAt, Instant updatedAt) {

    static final String COLLECTION = "incubation_coaches";
}
