package ml.sdn.registration.organizations;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What this feature reads of the participants' profiles (collection {@code participants}, id = Keycloak
 * subject), without depending on the participants feature's classes: whether a profile exists, and the
 * name, e-mail, preferred language and gender it holds, when it holds them. An erased profile (it keeps
 * its {@code erasedAt}) is no one's: it is not found, as in the participants feature.
 */
@Component
class ParticipantProfiles {

    static final String COLLECTION = "participants";

    /**
     * A profile as this feature needs it; {@code gender} null when the person said nothing about it (then what the
     * owner declared counts), NOT_STATED when they chose not to state it (then it is theirs to keep).
     */
    record Profile(String id, String displayName, String email, String preferredLanguage, Gender gender, String country) {
    }

    private final MongoTemplate mongo;

    ParticipantProfiles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Profile> of(String participantId) {
        Query query = new Query(Criteria.where("_id").is(participantId).and("erasedAt").is(null));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(ParticipantProfiles::profile);
    }

    /** The profile with this e-mail, whatever its case. The address is quoted: it is matched, never read as a pattern. */
    Optional<Profile> byEmail(String email) {
        Query query = new Query(Criteria.where("email").regex("^" + Pattern.quote(email) + "$", "i").and("erasedAt").is(null))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(ParticipantProfiles::profile);
    }

    private static Profile profile(Document document) {
        return new Profile(String.valueOf(document.get("_id")), document.getString("displayName"), document.getString("email"),
                document.getString("preferredLanguage"), genderOf(document.get("gender")), document.getString("country"));
    }

    /** The gender the person gave, NOT_STATED included; null if they gave none. */
    private static Gender genderOf(Object value) {
        if (value instanceof String text) {
            for (Gender gender : Gender.values()) {
                if (gender.name().equals(text.toUpperCase(Locale.ROOT))) {
                    return gender;
                }
            }
        }
        return null;
    }
}
