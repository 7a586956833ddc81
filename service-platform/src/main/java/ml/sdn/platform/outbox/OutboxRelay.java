package ml.sdn.platform.outbox;

import ml.sdn.events.CloudEventHeaders;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in aggregates' documents: for each one, sends it (CloudEvents
 * headers, key = subject), waits for the broker's acknowledgement, then removes exactly that event
 * from the document (and increments the document's version). A crash between the two sends it again:
 * at-least-once, consumers are idempotent.
 * <p>
 * Documents go oldest pending event first. A failed send ends the round (the broker is most likely
 * away, and each failure costs up to the send timeout); that document's events stay, in order, and it
 * is tried again after a growing delay, so a poison event does not hold back the other documents.
 * A round also ends before the relay lock could expire under it.
 * <p>
 * When the service stops ({@link #stop()}), no round starts any more and the one under way ends after the send in
 * flight, which frees the relay lock at once: another instance takes over at its next poll, not after
 * {@code lock-at-most-for}.
 */
public class OutboxRelay implements SmartLifecycle {

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
    private final Duration roundBudget;
    private final Duration retryBackoff;
    private final Duration maxRetryBackoff;
    private final Clock clock;
    private final EventFigures figures;
    private final Object roundMonitor = new Object();
    private volatile boolean running;
    private volatile boolean stopping;
    private boolean inRound;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, List<OutboxCollection> collections,
                       String source, Duration sendTimeout, LockingTaskExecutor lock, Duration lockAtMostFor,
                       Duration retryBackoff, Duration maxRetryBackoff, Clock clock, EventFigures figures) {
        // a send started within the budget ends (sent or timed out) and is recorded before the lock expires
        Duration budget = lockAtMostFor.minus(sendTimeout.multipliedBy(2));
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("sdn.outbox.lock-at-most-for (" + lockAtMostFor
                    + ") must be more than twice sdn.kafka.send-timeout (" + sendTimeout + ")");
        }
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.source = source;
        this.sendTimeout = sendTimeout;
        this.lock = lock;
        this.lockAtMostFor = lockAtMostFor;
        this.roundBudget = budget;
        this.retryBackoff = retryBackoff;
        this.maxRetryBackoff = maxRetryBackoff;
        this.clock = clock;
        this.figures = figures;
    }

    @Scheduled(fixedDelayString = "${sdn.outbox.poll-interval:500ms}", initialDelayString = "${sdn.outbox.poll-interval:500ms}")
    public void relayPending() {
        if (collections.isEmpty() || stopping) {
            return;
        }
        synchronized (roundMonitor) {
            if (stopping) {
                return;
            }
            inRound = true;
        }
        try {
            relayWithLock();
        } finally {
            synchronized (roundMonitor) {
                inRound = false;
                roundMonitor.notifyAll();
            }
        }
    }

    private void relayWithLock() {
        // one instance relays at a time (keeps each aggregate's events in order, no double sends);
        // lockAtMostFor frees the lock if that instance dies
        try {
            lock.executeWithLock((Runnable) this::relayAll,
                    new LockConfiguration(clock.instant(), LOCK_NAME, lockAtMostFor, Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Outbox relay round skipped, will retry: {}", e.toString());
        }
    }

    private void relayAll() {
        Instant deadline = clock.instant().plus(roundBudget);
        for (OutboxCollection collection : collections) {
            try {
                if (!relay(collection, deadline).complete()) {
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("Outbox relay of {} failed, will retry: {}", collection.name(), e.toString());
                return;
            }
        }
    }

    /** What one pass over a collection did: events sent, and whether it ended early (failed send or out of time). */
    public record Round(int sent, boolean complete) {
    }

    /** Sends what is due in one collection, oldest first, until a send fails or {@code deadline} passes. */
    public Round relay(OutboxCollection collection, Instant deadline) {
        Instant now = clock.instant();
        Query due = new Query(new Criteria().andOperator(
                Criteria.where(OutboxCollection.FIELD + ".0").exists(true),
                new Criteria().orOperator(
                        Criteria.where(OutboxCollection.RETRY_AT_FIELD).exists(false),
                        Criteria.where(OutboxCollection.RETRY_AT_FIELD).lte(Date.from(now)))))
                // ascending on an array field sorts by its smallest value: the oldest pending event
                .with(Sort.by(Sort.Direction.ASC, OutboxCollection.FIELD + ".time"))
                .limit(BATCH);
        int sent = 0;
        for (Document document : mongo.find(due, Document.class, collection.name())) {
            for (Document event : document.getList(OutboxCollection.FIELD, Document.class, List.of())) {
                if (!clock.instant().isBefore(deadline) || stopping) {
                    return new Round(sent, false);
                }
                if (!send(collection, document, event)) {
                    postpone(collection, document);
                    return new Round(sent, false);
                }
                sent++;
            }
        }
        return new Round(sent, true);
    }

    private boolean send(OutboxCollection collection, Document document, Document event) {
        Object documentId = document.get("_id");
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
                    collection.name(), documentId, e.toString());
            return false;
        }
        Update pull = new Update().pull(OutboxCollection.FIELD, new Document(idField, event.get(idField)))
                .unset(OutboxCollection.RETRY_AT_FIELD).unset(OutboxCollection.ATTEMPTS_FIELD);
        if (document.containsKey(collection.versionField())) {
            // a save of a copy read before this pull must fail (optimistic locking), not write the event back
            pull.inc(collection.versionField(), 1);
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(documentId)), pull, collection.name());
        figures.published(event.getString("type"), event.getString("payload"));
        log.debug("Published event {} ({}) to {}", eventId, event.getString("type"), topic);
        return true;
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    /**
     * Waits for the round under way, which ends after its send in flight (at most the send timeout) and frees the
     * relay lock; stopped before the beans it uses (Kafka producer, MongoDB client) are closed.
     */
    @Override
    public void stop() {
        stopping = true;
        long waitUntil = System.nanoTime() + sendTimeout.plusSeconds(5).toNanos();
        synchronized (roundMonitor) {
            while (inRound) {
                long left = waitUntil - System.nanoTime();
                if (left <= 0) {
                    log.warn("Outbox relay round still under way at stop; its lock frees itself after {}", lockAtMostFor);
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(roundMonitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    boolean stopRequested() {
        return stopping;
    }

    /** After the web server's graceful shutdown: events of the requests it let finish still go out from here. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** The document waits retryBackoff, doubling with each failure up to maxRetryBackoff, before its next try. */
    private void postpone(OutboxCollection collection, Document document) {
        int attempts = document.getInteger(OutboxCollection.ATTEMPTS_FIELD, 0) + 1;
        Instant retryAt = clock.instant().plus(backoff(attempts));
        try {
            mongo.updateFirst(new Query(Criteria.where("_id").is(document.get("_id"))),
                    new Update().set(OutboxCollection.RETRY_AT_FIELD, Date.from(retryAt))
                            .set(OutboxCollection.ATTEMPTS_FIELD, attempts), collection.name());
        } catch (RuntimeException e) {
            log.warn("Retry time of {}/{} not recorded: {}", collection.name(), document.get("_id"), e.toString());
        }
    }

    Duration backoff(int attempts) {
        Duration delay = retryBackoff;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : delay;
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
