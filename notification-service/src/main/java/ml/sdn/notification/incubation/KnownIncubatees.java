package ml.sdn.notification.incubation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The {@code known_incubatees} collection: idempotent, newer-wins upserts from incubation-service's
 * enrolment and coach-assignment events (one conditional write each), look-ups by incubatee, erasure.
 */
@Component
public class KnownIncubatees {

    static final String COLLECTION = "known_incubatees";

    private static final Logger log = LoggerFactory.getLogger(KnownIncubatees.class);

    private final MongoTemplate mongo;

    KnownIncubatees(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(KnownIncubatee.class);
        indexes.createIndex(new Index().on("participantId", Sort.Direction.ASC).named("by_participant"));
        indexes.createIndex(new Index().on("coachId", Sort.Direction.ASC).named("by_coach"));
    }

    /**
     * Stores what this event says of the incubatee unless the copy already held is as new or newer; then
     * only the values the copy lacks are filled in (an enrolment read after a coach assignment — a replayed
     * dead letter — still brings the organisation's name). A value the event does not carry (an enrolment
     * names no coach, an assignment no organisation) keeps what the copy holds. An erased copy is never
     * filled again.
     *
     * @return whether the copy was written as the newest
     */
    boolean record(KnownIncubatee incubatee) {
        Objects.requireNonNull(incubatee.id(), "incubatee id");
        Objects.requireNonNull(incubatee.asOf(), "incubatee asOf");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("participantId", incubatee.participantId());
        values.put("applicationId", incubatee.applicationId());
        values.put("editionId", incubatee.editionId());
        values.put("title", incubatee.title());
        values.put("organizationName", incubatee.organizationName());
        values.put("coachId", incubatee.coachId());
        values.values().removeIf(value -> value == null || value.isBlank());

        Update update = new Update().set("asOf", incubatee.asOf());
        values.forEach(update::set);
        try {
            // updates an older copy, inserts a missing one; a copy as new or newer makes the insert collide on _id
            mongo.upsert(query(where("id").is(incubatee.id()).and("asOf").lt(incubatee.asOf()).and("erasedAt").exists(false)),
                    update, KnownIncubatee.class);
            return true;
        } catch (DuplicateKeyException newerOrSameOrErased) {
            values.forEach((field, value) -> mongo.updateFirst(
                    query(where("id").is(incubatee.id()).and(field).exists(false).and("erasedAt").exists(false)),
                    new Update().set(field, value), KnownIncubatee.class));
            log.debug("Incubatee {} already known as of {} or newer (or erased); only missing values filled",
                    incubatee.id(), incubatee.asOf());
            return false;
        }
    }

    /** The participants enrolled in the cohort of {@code editionId} (every cohort known when null), each once. */
    public java.util.List<String> participants(String editionId) {
        return distinct("participantId", editionId);
    }

    /** The coaches of the incubatees of {@code editionId} (every cohort known when null), each once. */
    public java.util.List<String> coaches(String editionId) {
        return distinct("coachId", editionId);
    }

    private java.util.List<String> distinct(String field, String editionId) {
        var criteria = where("erasedAt").exists(false);
        if (editionId != null) {
            criteria = criteria.and("editionId").is(editionId);
        }
        return mongo.findDistinct(query(criteria), field, KnownIncubatee.class, String.class).stream()
                .filter(Objects::nonNull).sorted().toList();
    }

    Optional<KnownIncubatee> find(String incubateeId) {
        return Optional.ofNullable(mongo.findById(incubateeId, KnownIncubatee.class));
    }

    /**
     * A person was erased. The incubatees they followed as the participant keep only their id, marked
     * erased as of {@code erasedAt} (their outcomes are not sent, and an older enrolment cannot bring the
     * copy back); where they were the coach, the copy forgets them. Idempotent.
     *
     * @return how many copies changed
     */
    public long erase(String personId, Instant erasedAt) {
        long asParticipant = mongo.updateMulti(query(where("participantId").is(personId)), new Update()
                        .unset("participantId").unset("applicationId").unset("editionId").unset("title")
                        .unset("organizationName").unset("coachId").set("asOf", erasedAt).set("erasedAt", erasedAt),
                KnownIncubatee.class).getModifiedCount();
        long asCoach = mongo.updateMulti(query(where("coachId").is(personId)), new Update().unset("coachId"),
                KnownIncubatee.class).getModifiedCount();
        return asParticipant + asCoach;
    }
}
