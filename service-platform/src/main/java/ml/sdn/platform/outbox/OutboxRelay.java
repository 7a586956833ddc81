package ml.sdn.platform.outbox;

import ml.sdn.events.CloudEventHeaders;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in aggregates' documents: for each one, sends it (CloudEvents
 * headers, key = subject), waits for the broker's acknowledgement, then removes exactly that event
 * from the document. A crash between the two sends it again: at-least-once, consumers are idempotent.
 * A failed send leaves the event (and the ones after it in the same document, to keep their order)
 * for the next round.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    static final String LOCK_NAME = "sdn-outbox-relay";

    private final MongoTemplate mongo;
    private final KafkaTemplate<Object, Object> kafka;
    private final List<OutboxCollection> collections;
    private final String source;
    private final Duration sendTimeout;
    private final LockingTaskExecutor lock;
    private final Duration lockAtMostFor;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, List<OutboxCollection> collections,
                       String source, Duration sendTimeout, LockingTaskExecutor lock, Duration lockAtMostFor) {
        this.mongo = mongo;
        this.lock = lock;
        this.lockAtMostFor = lockAtMostFor;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.source = source;
        this.sendTimeout = sendTimeout;
    }

    @Scheduled(fixedDelayString = "${sdn.outbox.poll-interval:500ms}", initialDelayString = "${sdn.outbox.poll-interval:500ms}")
    public void relayPending() {
        if (collections.isEmpty()) {
            return;
        }
        // one instance relays at a time (keeps each aggregate's events in order, no double sends);
        // lockAtMostFor frees the lock if that instance dies
        try {
            lock.executeWithLock((Runnable) this::relayAll,
                    new LockConfiguration(Instant.now(), LOCK_NAME, lockAtMostFor, Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Outbox relay round skipped, will retry: {}", e.toString());
        }
    }

    private void relayAll() {
        for (OutboxCollection collection : collections) {
            try {
                relay(collection.name());
            } catch (RuntimeException e) {
                log.warn("Outbox relay of {} failed, will retry: {}", collection.name(), e.toString());
            }
        }
    }

    /** Sends what is pending in one collection; returns how many events went out. */
    public int relay(String collection) {
        Query pending = new Query(Criteria.where(OutboxCollection.FIELD + ".0").exists(true)).limit(BATCH);
        int sent = 0;
        for (Document document : mongo.find(pending, Document.class, collection)) {
            Object documentId = document.get("_id");
            List<Document> events = document.getList(OutboxCollection.FIELD, Document.class, List.of());
            for (Document event : events) {
                if (!send(collection, documentId, event)) {
                    break;
                }
                sent++;
            }
        }
        return sent;
    }

    private boolean send(String collection, Object documentId, Document event) {
        String idField = event.containsKey("_id") ? "_id" : "id";
        String eventId = String.valueOf(event.get(idField));
        String topic = event.getString("topic");
        ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, null, event.getString("key"), event.getString("payload"));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, eventId);
        header(record, CloudEventHeaders.TYPE, event.getString("type"));
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(timeOf(event)));
        header(record, CloudEventHeaders.SUBJECT, event.getString("subject"));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        try {
            kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Event {} ({}) of {}/{} not published yet, will retry: {}", eventId, event.getString("type"),
                    collection, documentId, e.toString());
            return false;
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(documentId)),
                new Update().pull(OutboxCollection.FIELD, new Document(idField, event.get(idField))), collection);
        log.debug("Published event {} ({}) to {}", eventId, event.getString("type"), topic);
        return true;
    }

    private static Instant timeOf(Document event) {
        Object time = event.get("time");
        return time instanceof Date date ? date.toInstant() : Instant.now();
    }

    private static void header(ProducerRecord<Object, Object> record, String name, String value) {
        if (value != null) {
            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
