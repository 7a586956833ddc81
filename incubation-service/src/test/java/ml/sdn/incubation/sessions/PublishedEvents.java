package ml.sdn.incubation.sessions;

import ml.sdn.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What this service published on one topic of the real embedded broker, read from the beginning by a
 * consumer of its own (a fresh group, so it sees everything). Used by the coaching ITs.
 */
public final class PublishedEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String topic;
    private final String brokers;
    private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
    private KafkaConsumer<String, String> consumer;

    public PublishedEvents(String brokers, String topic) {
        this.brokers = brokers;
        this.topic = topic;
    }

    /** The payload of the first record with this key and {@code ce_type} whose payload matches, waiting up to 20 s. */
    public JsonNode await(String key, String type, Predicate<JsonNode> payload) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> all(key, type).stream().map(PublishedEvents::payload).filter(payload).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The record itself (headers included) of the first match, waiting up to 20 s. */
    public ConsumerRecord<String, String> awaitRecord(String key, String type, Predicate<JsonNode> payload) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> all(key, type).stream().filter(record -> payload.test(payload(record))).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The payloads of every record with this key and {@code ce_type} seen so far, after one more poll. */
    public List<JsonNode> payloads(String key, String type) {
        return all(key, type).stream().map(PublishedEvents::payload).toList();
    }

    public List<ConsumerRecord<String, String>> all(String key, String type) {
        poll();
        return seen.stream().filter(record -> key.equals(record.key()) && type.equals(header(record, CloudEventHeaders.TYPE)))
                .toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record's value as JSON. */
    public static JsonNode payload(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }

    private synchronized void poll() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }
}
