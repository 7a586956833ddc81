package ml.sdn.testing;

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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What a service published on one topic of a real broker, read from the beginning by a consumer of its
 * own (a fresh group, so it sees everything): the tests wait for the event instead of sleeping.
 * Lookups take the record key and the CloudEvents type ({@code ce_type}); waits last 20 s at most.
 */
public final class PublishedEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** One published record: key, CloudEvents type and the JSON payload. */
    public record Event(String key, String type, JsonNode payload) {
    }

    private final String brokers;
    private final String topic;
    private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
    private KafkaConsumer<String, String> consumer;

    public PublishedEvents(String brokers, String topic) {
        this.brokers = brokers;
        this.topic = topic;
    }

    /** The first record with this key and type. */
    public ConsumerRecord<String, String> awaitRecord(String key, String type) {
        return awaitRecord(key, type, payload -> true);
    }

    /** The first record (headers included) with this key and type whose payload matches. */
    public ConsumerRecord<String, String> awaitRecord(String key, String type, Predicate<JsonNode> payload) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> all(key, type).stream().filter(record -> payload.test(payload(record))).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** The payload of the first record with this key and type whose payload matches. */
    public JsonNode await(String key, String type, Predicate<JsonNode> payload) {
        return payload(awaitRecord(key, type, payload));
    }

    /** The events of this type (and key; null: any key) that {@code payload} accepts, once at least {@code count} have come. */
    public List<Event> await(String type, String key, Predicate<JsonNode> payload, int count) {
        return Awaitility.await().atMost(WAIT).until(() -> matching(type, key, payload), found -> found.size() >= count);
    }

    /** The events of this type (and key; null: any key) that {@code payload} accepts, after one more poll. */
    public List<Event> matching(String type, String key, Predicate<JsonNode> payload) {
        poll();
        return seen.stream().map(record -> new Event(record.key(), header(record, CloudEventHeaders.TYPE), payload(record)))
                .filter(event -> type.equals(event.type()) && (key == null || key.equals(event.key())) && payload.test(event.payload()))
                .toList();
    }

    /** The payloads of every record with this key and type seen so far, after one more poll. */
    public List<JsonNode> payloads(String key, String type) {
        return all(key, type).stream().map(PublishedEvents::payload).toList();
    }

    /** Every record with this key and type seen so far, after one more poll. */
    public List<ConsumerRecord<String, String>> all(String key, String type) {
        poll();
        return seen.stream().filter(record -> key.equals(record.key()) && type.equals(header(record, CloudEventHeaders.TYPE)))
                .toList();
    }

    /** A header's value as text; null when absent. */
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
            // the producing service declares its topics as it starts: wait for them
            Awaitility.await().atMost(WAIT).until(() -> !consumer.partitionsFor(topic).isEmpty());
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
