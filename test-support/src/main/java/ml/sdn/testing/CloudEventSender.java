package ml.sdn.testing;

import ml.sdn.events.CloudEventHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends records as another service's outbox relay does: JSON value, CloudEvents binary-mode headers,
 * key = subject. One producer for a whole test run (a new one per event would pay a connection and a
 * metadata fetch each time); close it when the run ends.
 */
public final class CloudEventSender implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String source;

    /** {@code source}: the {@code ce_source} of the service the events pretend to come from, e.g. {@code /sdn/registration-service}. */
    public CloudEventSender(String brokers, String source) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        this.source = source;
    }

    /** Sends and waits for the broker's acknowledgement; {@code partition} null lets the key choose it. */
    public void send(String topic, Integer partition, String key, String eventId, String type, String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key, json.getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, eventId);
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish the test event", e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
