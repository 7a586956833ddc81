package ml.sdn.competition.registrations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps the local copy of registered participants. Every change is one conditional upsert keyed by the
 * participant id that only applies when the copy held is older than the event: applying the same or an
 * older event again changes nothing, and two instances cannot interleave a read and a write.
 */
@Service
public class RegisteredParticipants {

    private static final Logger log = LoggerFactory.getLogger(RegisteredParticipants.class);

    /** Everything personal in the copy: removed on erasure. Only id and country stay. */
    private static final String[] PERSONAL_FIELDS =
            {"displayName", "username", "email", "phone", "city", "gender", "preferredLanguage"};

    private final MongoTemplate mongo;

    RegisteredParticipants(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The profile as a registration event carries it. */
    record Profile(String participantId, String country, String displayName, String username, String email,
                   String phone, String city, String gender, String preferredLanguage) {
    }

    public Optional<RegisteredParticipant> find(String participantId) {
        return Optional.ofNullable(mongo.findById(participantId, RegisteredParticipant.class));
    }

    /** The copies of these ids that exist, by id (one query, for lists). */
    public Map<String, RegisteredParticipant> byId(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("id").in(ids)), RegisteredParticipant.class).stream()
                .collect(Collectors.toMap(RegisteredParticipant::id, copy -> copy));
    }

    /**
     * The participant who signs in with this username (Keycloak usernames are unique and lower-case),
     * if they have a profile that is not erased (an erased copy keeps no username).
     */
    public Optional<RegisteredParticipant> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(query(where("username").is(username).and("erasedAt").exists(false)),
                RegisteredParticipant.class));
    }

    /** The copies of these participants (erased ones included, as stubs); unknown ids are absent. */
    public List<RegisteredParticipant> findAll(Collection<String> participantIds) {
        if (participantIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("id").in(participantIds)), RegisteredParticipant.class);
    }

    /**
     * Stores the profile as of {@code asOf} unless the copy is as new or newer. A profile newer than an
     * erasure (the person registered again afterwards) is a new profile: it is kept and the copy is no
     * longer marked erased.
     *
     * @return whether the copy was written
     */
    boolean apply(Profile profile, Instant asOf) {
        requireId(profile.participantId());
        Update update = new Update()
                .set("country", profile.country())
                .set("displayName", profile.displayName())
                .set("username", profile.username())
                .set("email", profile.email())
                .set("phone", profile.phone())
                .set("city", profile.city())
                .set("gender", profile.gender())
                .set("preferredLanguage", profile.preferredLanguage())
                .set("asOf", asOf == null ? Instant.EPOCH : asOf)
                .unset("erasedAt");
        return upsertIfOlder(profile.participantId(), asOf == null ? Instant.EPOCH : asOf, update);
    }

    /**
     * An organizer moved the person to the delegation of {@code country} at {@code changedAt}: the copy takes it
     * if it is older. No copy is created (the registration event, earlier on the same partition, creates it).
     *
     * @return whether the copy was written
     */
    boolean move(String participantId, String country, Instant changedAt) {
        requireId(participantId);
        Instant asOf = changedAt == null ? Instant.EPOCH : changedAt;
        return mongo.updateFirst(query(where("id").is(participantId).and("asOf").lt(asOf)),
                new Update().set("country", country).set("asOf", asOf), RegisteredParticipant.class).getModifiedCount() > 0;
    }

    /**
     * Anonymises the copy as of {@code erasedAt}: the personal fields go, id and country stay, and
     * {@code asOf} becomes the erasure time so that an older profile event cannot bring them back. With
     * no copy yet, an erased stub is written for the same reason.
     *
     * @return whether the copy was written (false: already erased, or a newer profile is held)
     */
    boolean erase(String participantId, Instant erasedAt) {
        requireId(participantId);
        Update update = new Update().set("erasedAt", erasedAt).set("asOf", erasedAt);
        for (String field : PERSONAL_FIELDS) {
            update.unset(field);
        }
        return upsertIfOlder(participantId, erasedAt, update);
    }

    /**
     * One conditional upsert: it updates an older copy, inserts a missing one, and when a copy as new or
     * newer exists the insert it attempts collides on {@code _id}, which is the "keep the newer" answer.
     */
    private boolean upsertIfOlder(String participantId, Instant asOf, Update update) {
        try {
            mongo.upsert(query(where("id").is(participantId).and("asOf").lt(asOf)), update, RegisteredParticipant.class);
            return true;
        } catch (DuplicateKeyException asNewOrNewerAlreadyThere) {
            log.debug("Participant {} already as of {} or newer; kept", participantId, asOf);
            return false;
        }
    }

    private static void requireId(String participantId) {
        if (participantId == null || participantId.isBlank()) {
            throw new IllegalArgumentException("Registration event without participantId");
        }
    }
}
