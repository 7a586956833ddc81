package ml.sdn.notification.recipients;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The recipients collection: idempotent, newer-wins upserts from events; look-ups by id. */
@Component
public class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final MongoTemplate mongo;

    public Recipients(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores {@code recipient} unless the copy already held is as new or newer. A profile newer than an
     * erasure (the person registered again afterwards) is a new profile: the copy is no longer erased.
     *
     * @return whether the copy was written
     */
    public boolean record(Recipient recipient) {
        Objects.requireNonNull(recipient.id(), "recipient id");
        Objects.requireNonNull(recipient.asOf(), "recipient asOf");
        Update update = new Update()
                .set("displayName", recipient.displayName())
                .set("email", recipient.email())
                .set("preferredLanguage", recipient.preferredLanguage())
                .set("country", recipient.country())
                .set("phone", recipient.phone())
                .set("asOf", recipient.asOf())
                .unset("erasedAt");
        return upsertIfOlder(recipient.id(), recipient.asOf(), update);
    }

    /**
     * An organizer moved the person to the delegation of {@code country} at {@code changedAt}: the copy takes it
     * if it is older (a redelivered or older move changes nothing). No copy is created: the registration event,
     * earlier on the same partition, creates it.
     *
     * @return whether the copy was written
     */
    public boolean move(String id, String country, Instant changedAt) {
        Objects.requireNonNull(id, "recipient id");
        Objects.requireNonNull(changedAt, "changedAt");
        return mongo.updateFirst(query(where("id").is(id).and("asOf").lt(changedAt)),
                new Update().set("country", country).set("asOf", changedAt), Recipient.class).getModifiedCount() > 0;
    }

    /**
     * Anonymises the copy as of {@code erasedAt}: name, address, phone and language go, id and country stay,
     * and {@code asOf} becomes the erasure time, so an older profile event cannot bring them back. With
     * no copy yet, an erased stub is written for the same reason.
     *
     * @return whether the copy was written (false: already erased, or a newer profile is held)
     */
    public boolean erase(String id, Instant erasedAt) {
        Objects.requireNonNull(id, "recipient id");
        Objects.requireNonNull(erasedAt, "erasedAt");
        Update update = new Update()
                .unset("displayName")
                .unset("email")
                .unset("phone")
                .unset("preferredLanguage")
                .set("asOf", erasedAt)
                .set("erasedAt", erasedAt);
        return upsertIfOlder(id, erasedAt, update);
    }

    /**
     * One conditional upsert: it updates an older copy, inserts a missing one, and when a copy as new or
     * newer exists the insert it attempts collides on {@code _id}, which is the "keep the newer" answer.
     */
    private boolean upsertIfOlder(String id, Instant asOf, Update update) {
        try {
            mongo.upsert(query(where("id").is(id).and("asOf").lt(asOf)), update, Recipient.class);
            return true;
        } catch (DuplicateKeyException newerOrSameAlreadyThere) {
            log.debug("Recipient {} already as of {} or newer; kept", id, asOf);
            return false;
        }
    }

    /**
     * The people one can write to now (not erased), of {@code country} (ML, BF, NE) or all when null, by id:
     * the audience of a message to a group.
     */
    public List<String> reachable(String country) {
        Query audience = reachableQuery(country);
        audience.fields().include("id");
        return mongo.find(audience.with(Sort.by("id")), Recipient.class).stream().map(Recipient::id).toList();
    }

    /** How many {@link #reachable} gives, without reading them. */
    public long countReachable(String country) {
        return mongo.count(reachableQuery(country), Recipient.class);
    }

    private static Query reachableQuery(String country) {
        Criteria criteria = where("erasedAt").is(null);
        if (country != null) {
            criteria = criteria.and("country").is(country);
        }
        return query(criteria);
    }

    public Optional<Recipient> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Recipient.class));
    }
}
