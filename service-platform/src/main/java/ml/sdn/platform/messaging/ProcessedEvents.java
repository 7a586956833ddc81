package ml.sdn.platform.messaging;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.Date;

/**
 * The ids of the events each consumer has handled (collection {@code processed_events}, id
 * {@code <consumer>:<eventId>}), for listeners whose effect is not naturally idempotent.
 */
public class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;

    public ProcessedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the event as handled by {@code consumer}; false if it already was (a redelivery). */
    public boolean firstDelivery(String consumer, String eventId) {
        try {
            mongo.insert(new Document("_id", consumer + ":" + eventId)
                    .append("consumer", consumer)
                    .append("eventId", eventId)
                    .append("processedAt", new Date()), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyHandled) {
            return false;
        }
    }
}
