package ml.sdn.competition.jury;

import ml.sdn.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
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

import org.awaitility.Awaitility;

/** Everything the service published on one topic of the real embedded broker, read from the beginning. */
public final class PublishedEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One published record: key, CloudEvents type and the JSON payload. */
    public record Event(String key, String type, JsonNode payload) {
    }

    private final String brokers;
    private final String topic;
    private KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new CopyOnWriteArrayList<>();

    public PublishedEvents(String brokers, String topic) {
        this.brokers = brokers;
        this.topic = topic;
    }

    /** The events of this type and key that {@code payload} accepts, once at least {@code count} have come (20 s at most). */
    public List<Event> await(String type, String key, Predicate<JsonNode> payload, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            poll();
            return matching(type, key, payload);
        }, found -> found.size() >= count);
    }

    /** The events of this type and key that {@code payload} accepts, after one more poll. */
    public synchronized List<Event> matching(String type, String key, Predicate<JsonNode> payload) {
        poll();
        return seen.stream().filter(e -> e.type().equals(type) && (key == null || key.equals(e.key())) && payload.test(e.payload()))
                .toList();
    }

    private synchronized void poll() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !consumer.partitionsFor(topic).isEmpty());
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(new Event(record.key(), header(record, CloudEventHeaders.TYPE), JSON.readTree(record.value())));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }
}
