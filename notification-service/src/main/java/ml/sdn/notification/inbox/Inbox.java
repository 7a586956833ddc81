package ml.sdn.notification.inbox;

import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.templates.RenderedMessage;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The in-app inbox of every recipient. Every read and write is scoped to one recipient. */
@Component
public class Inbox {

    static final String COLLECTION = "notifications";
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

    private final MongoTemplate mongo;

    public Inbox(MongoTemplate mongo) {
        this.mongo = mongo;
        // created before the listeners start, so that the first event already meets the unique key
        var indexes = mongo.indexOps(InboxItem.class);
        indexes.createIndex(new Index().on("eventId", Sort.Direction.ASC).on("recipientId", Sort.Direction.ASC)
                .unique().named("one_per_event_and_recipient"));
        indexes.createIndex(new Index().on("recipientId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("by_recipient_newest_first"));
    }

    /** Adds the notification unless this event already gave this recipient one. @return whether it was added */
    public boolean deliver(String eventId, String recipientId, NotificationKind kind, RenderedMessage message) {
        try {
            mongo.insert(new InboxItem(ObjectId.get().toHexString(), recipientId, eventId, kind,
                    message.subject(), message.body(), Instant.now(), null));
            return true;
        } catch (DuplicateKeyException alreadyDelivered) {
            return false;
        }
    }

    /** Newest first. */
    public List<InboxItem> page(String recipientId, int page, int size) {
        return page(List.of(recipientId), page, size);
    }

    /** Newest first, of several inboxes read as one (an organizer's own and the organizers' shared one). */
    public List<InboxItem> page(List<String> recipientIds, int page, int size) {
        Query query = query(where("recipientId").in(recipientIds))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, InboxItem.class);
    }

    /**
     * The items of these people created from their floor on ({@code createdAt >= floor}), oldest first,
     * at most {@code limit}: what the live streams read.
     */
    List<InboxItem> createdSince(Map<String, Instant> floorByRecipient, int limit) {
        if (floorByRecipient.isEmpty()) {
            return List.of();
        }
        Criteria[] each = floorByRecipient.entrySet().stream()
                .map(floor -> where("recipientId").is(floor.getKey()).and("createdAt").gte(floor.getValue()))
                .toArray(Criteria[]::new);
        Query query = query(new Criteria().orOperator(each))
                .with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id")))
                .limit(limit);
        return mongo.find(query, InboxItem.class);
    }

    /** One of the recipient's own items; empty for a malformed id or anyone else's item. */
    Optional<InboxItem> find(String recipientId, String id) {
        if (id == null || !OBJECT_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findOne(query(where("id").is(id).and("recipientId").is(recipientId)), InboxItem.class));
    }

    public long count(String recipientId) {
        return count(List.of(recipientId));
    }

    public long count(List<String> recipientIds) {
        return mongo.count(query(where("recipientId").in(recipientIds)), InboxItem.class);
    }

    /** How many inbox items this event wrote, all recipients together (a message to a group's report). */
    public long countOfEvent(String eventId) {
        return mongo.count(query(where("eventId").is(eventId)), InboxItem.class);
    }

    public long unreadCount(String recipientId) {
        return unreadCount(List.of(recipientId));
    }

    public long unreadCount(List<String> recipientIds) {
        return mongo.count(query(where("recipientId").in(recipientIds).and("readAt").is(null)), InboxItem.class);
    }

    /** Marks one of the recipient's notifications read; empty when the recipient has no such notification. */
    public Optional<InboxItem> markRead(String recipientId, String id) {
        return markRead(List.of(recipientId), id);
    }

    /** The same for an item of any of these inboxes (a shared one is read for every reader). */
    public Optional<InboxItem> markRead(List<String> recipientIds, String id) {
        Query mine = query(where("id").is(id).and("recipientId").in(recipientIds));
        // keeps the first reading time when marked twice
        mongo.updateFirst(query(where("id").is(id).and("recipientId").in(recipientIds).and("readAt").is(null)),
                Update.update("readAt", Instant.now()), InboxItem.class);
        return Optional.ofNullable(mongo.findOne(mine, InboxItem.class));
    }

    /**
     * A person was erased: their inbox goes whole. Its items are about them and for them alone; what
     * was e-mailed stays in the delivery log, without address or text.
     *
     * @return how many items were deleted
     */
    public long erase(String recipientId) {
        return mongo.remove(query(where("recipientId").is(recipientId)), InboxItem.class).getDeletedCount();
    }

    /** @return how many notifications were unread */
    public long markAllRead(String recipientId) {
        return markAllRead(List.of(recipientId));
    }

    public long markAllRead(List<String> recipientIds) {
        return mongo.updateMulti(query(where("recipientId").in(recipientIds).and("readAt").is(null)),
                Update.update("readAt", Instant.now()), InboxItem.class).getModifiedCount();
    }
}
