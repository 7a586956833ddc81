package ml.sdn.platform.messaging;

import ml.sdn.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Keeps the records arriving on this service's DLTs, lists them, and replays one to its original topic. */
public class DeadLetterStore {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterStore.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<Object, Object> kafka;
    private final Duration sendTimeout;

    public DeadLetterStore(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
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
                originalTopic != null ? originalTopic : stripDlt(record.topic()),
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
                0);
        try {
            mongo.insert(deadLetter);
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
     * topic, and marks it replayed once the broker has it.
     */
    public Optional<DeadLetter> replay(String id) throws Exception {
        Optional<DeadLetter> found = find(id);
        if (found.isEmpty()) {
            return found;
        }
        DeadLetter deadLetter = found.get();
        ProducerRecord<Object, Object> record = new ProducerRecord<>(deadLetter.originalTopic(), null,
                deadLetter.key(), deadLetter.value());
        for (DeadLetter.StoredHeader header : deadLetter.headers()) {
            if (!isErrorHeader(header.name())) {
                record.headers().add(new RecordHeader(header.name(), header.value()));
            }
        }
        kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
                new Update().set("replayedAt", Instant.now()).inc("replayCount", 1), DeadLetter.class);
        log.info("Dead letter {} replayed to {}", id, deadLetter.originalTopic());
        return find(id);
    }

    private static boolean isErrorHeader(String name) {
        return name.startsWith("kafka_dlt-") || name.startsWith("springDeserializerException")
                || name.startsWith("kafka_exception") || name.equals("retry_count");
    }

    private static String stripDlt(String topic) {
        return topic.endsWith(".DLT") ? topic.substring(0, topic.length() - 4) : topic;
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
