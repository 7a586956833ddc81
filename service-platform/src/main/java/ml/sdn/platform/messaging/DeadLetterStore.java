package ml.sdn.platform.messaging;

import ml.sdn.events.CloudEventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ml.sdn.events.Topics;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.ServiceUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps the records arriving on this service's DLTs ({@code <topic>.<group>.DLT}, its own consumer
 * groups' only), lists them, and replays one to its original topic.
 */
public class DeadLetterStore {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterStore.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<Object, Object> kafka;
    private final Duration sendTimeout;
    private final MeterRegistry meters;

    public DeadLetterStore(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, Duration sendTimeout, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
        this.meters = meters;
    }

    /** Called for each record read from a DLT. */
    public void keep(ConsumerRecord<String, byte[]> record) {
        List<DeadLetter.StoredHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new DeadLetter.StoredHeader(header.key(), header.value()));
        }
        String originalTopic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        DeadLetter deadLetter = new DeadLetter(
                record.topic() + "-" + record.partition() + "-" + record.offset(),
                originalTopic != null ? originalTopic : originalTopicOf(record.topic()),
                intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                record.key(),
                record.value(),
                headers,
                text(record, CloudEventHeaders.TYPE),
                text(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                Instant.ofEpochMilli(record.timestamp()),
                null,
                0,
                null);
        try {
            mongo.insert(deadLetter);
            // counted once kept, so a record read again after a crash is not counted twice
            Counter.builder("sdn.dead.letters").description("Records that failed every retry and were kept as dead letters")
                    .tag("topic", deadLetter.originalTopic()).register(meters).increment();
            log.warn("Dead letter {} from {} kept: {}", deadLetter.id(), deadLetter.originalTopic(), deadLetter.exceptionMessage());
        } catch (DuplicateKeyException alreadyKept) {
            log.debug("Dead letter {} already kept", deadLetter.id());
        }
    }

    public List<DeadLetter> page(int page, int size) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "deadAt")).skip((long) page * size).limit(size);
        return mongo.find(query, DeadLetter.class);
    }

    public long count() {
        return mongo.count(new Query(), DeadLetter.class);
    }

    public Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DeadLetter.class));
    }

    /**
     * Sends the dead letter again, key, value and CloudEvents headers unchanged, to its original
     * topic, and marks it replayed once the broker has it. Every consumer group of that topic gets the
     * record again, not only this service's: that is safe because consumers are idempotent (same
     * {@code ce_id}). The replay is claimed first (atomically, in MongoDB), so two simultaneous requests
     * cannot both send; a claim older than twice the send timeout is from a crashed instance and is taken over.
     *
     * @throws ConflictException           another replay of it is in progress
     * @throws ServiceUnavailableException the broker did not take it (the claim is released)
     */
    public Optional<DeadLetter> replay(String id) {
        if (find(id).isEmpty()) {
            return Optional.empty();
        }
        // millisecond precision, as MongoDB stores it, so the claim can be matched below
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Query claimable = new Query(new Criteria().andOperator(Criteria.where("_id").is(id), new Criteria().orOperator(
                Criteria.where("replayingSince").is(null),
                Criteria.where("replayingSince").lt(now.minus(sendTimeout.multipliedBy(2))))));
        DeadLetter deadLetter = mongo.findAndModify(claimable, new Update().set("replayingSince", now),
                FindAndModifyOptions.options().returnNew(true), DeadLetter.class);
        if (deadLetter == null) {
            throw new ConflictException("sdn.problem.dead-letter-replay-in-progress", id);
        }
        ProducerRecord<Object, Object> record = new ProducerRecord<>(deadLetter.originalTopic(), null,
                deadLetter.key(), deadLetter.value());
        for (DeadLetter.StoredHeader header : deadLetter.headers()) {
            if (!isErrorHeader(header.name())) {
                record.headers().add(new RecordHeader(header.name(), header.value()));
            }
        }
        Query claimed = new Query(Criteria.where("_id").is(id).and("replayingSince").is(now));
        try {
            kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(claimed);
            throw new ServiceUnavailableException("sdn.problem.broker-unavailable", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            release(claimed);
            throw new ServiceUnavailableException("sdn.problem.broker-unavailable", e);
        }
        mongo.updateFirst(claimed, new Update().set("replayedAt", Instant.now()).inc("replayCount", 1)
                .unset("replayingSince"), DeadLetter.class);
        log.info("Dead letter {} replayed to {}", id, deadLetter.originalTopic());
        return find(id);
    }

    private void release(Query claimed) {
        try {
            mongo.updateFirst(claimed, new Update().unset("replayingSince"), DeadLetter.class);
        } catch (RuntimeException e) {
            log.warn("Replay claim not released, it expires on its own: {}", e.toString());
        }
    }

    private static boolean isErrorHeader(String name) {
        return name.startsWith("kafka_dlt-") || name.startsWith("springDeserializerException")
                || name.startsWith("kafka_exception") || name.equals("retry_count");
    }

    /** {@code <topic>.<group>.DLT} back to {@code <topic>} (group names have no dot), for a record without the DLT headers. */
    static String originalTopicOf(String deadLetterTopic) {
        if (!deadLetterTopic.endsWith(Topics.DLT_SUFFIX)) {
            return deadLetterTopic;
        }
        String withGroup = deadLetterTopic.substring(0, deadLetterTopic.length() - Topics.DLT_SUFFIX.length());
        int dot = withGroup.lastIndexOf('.');
        return dot > 0 ? withGroup.substring(0, dot) : withGroup;
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer intHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null || header.value().length != 4
                ? null : java.nio.ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null || header.value().length != 8
                ? null : java.nio.ByteBuffer.wrap(header.value()).getLong();
    }
}
