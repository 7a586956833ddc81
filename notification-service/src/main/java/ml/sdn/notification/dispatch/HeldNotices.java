package ml.sdn.notification.dispatch;

import ml.sdn.notification.catalogue.NotificationKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Notices for someone whose profile has not reached this service yet. Topics are read independently, so
 * an attendance event can overtake the participant's own registration event (after a restart, say):
 * rather than failing it to the dead letters, the notice waits here, once per (event, recipient), and is
 * delivered when the profile arrives. Models hold plain values (strings, numbers), so they keep as they are.
 */
@Component
class HeldNotices {

    static final String COLLECTION = "held_notices";

    @Document(COLLECTION)
    record HeldNotice(@Id String id, String eventId, NotificationKind kind, String recipientId,
                      Map<String, Object> model, Instant heldAt) {

        Notice notice() {
            return new Notice(eventId, kind, recipientId, model);
        }
    }

    private final MongoTemplate mongo;

    HeldNotices(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(HeldNotice.class).createIndex(new Index().on("recipientId", Sort.Direction.ASC).named("by_recipient"));
    }

    void hold(Notice notice) {
        try {
            mongo.insert(new HeldNotice(notice.eventId() + ":" + notice.recipientId(), notice.eventId(), notice.kind(),
                    notice.recipientId(), Map.copyOf(notice.model()), Instant.now()));
        } catch (DuplicateKeyException alreadyHeld) {
            // a redelivery of a notice that already waits
        }
    }

    List<HeldNotice> of(String recipientId) {
        return mongo.find(query(where("recipientId").is(recipientId)).with(Sort.by("heldAt")), HeldNotice.class);
    }

    void remove(HeldNotice held) {
        mongo.remove(query(where("id").is(held.id())), HeldNotice.class);
    }

    long drop(String recipientId) {
        return mongo.remove(query(where("recipientId").is(recipientId)), HeldNotice.class).getDeletedCount();
    }
}
