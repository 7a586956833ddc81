package ml.sdn.notification.recipients;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

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
     * Stores {@code recipient} unless the copy already held is as new or newer. One conditional upsert:
     * it updates an older copy, inserts a missing one, and when a newer copy exists the insert it
     * attempts collides on {@code _id}, which is the "keep the newer" answer, not an error.
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
                .set("asOf", recipient.asOf());
        try {
            mongo.upsert(query(where("id").is(recipient.id()).and("asOf").lt(recipient.asOf())), update, Recipient.class);
            return true;
        } catch (DuplicateKeyException newerOrSameAlreadyThere) {
            log.debug("Recipient {} already as of {} or newer; kept", recipient.id(), recipient.asOf());
            return false;
        }
    }

    public Optional<Recipient> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Recipient.class));
    }
}
