package ml.sdn.competition.selection;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
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


/**
 * What this service published on {@code competition.applications} and {@code competition.results} of
 * the real embedded broker, read from the beginning by one test consumer (the ITs share one broker, so
 * every lookup filters by key and {@code ce_type}).
 */
public final class CompetitionEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaConsumer<String, String> consumer;
    private static final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();

    private CompetitionEvents() {
    }

    /** Waits (up to 20 s) until {@code count} records with this key and type have arrived; returns them, oldest first. */
    public static List<ConsumerRecord<String, String>> await(String brokers, String key, String type, int count) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            poll(brokers);
            return all(key, type);
        }, records -> records.size() >= count);
    }

    /** The one record with this key and type (waiting for it), as JSON. */
    public static JsonNode one(String brokers, String key, String type) {
        return JSON.readTree(await(brokers, key, type, 1).get(0).value());
    }

    /** Every record with this key and type seen so far, after one more poll. */
    public static List<ConsumerRecord<String, String>> seen(String brokers, String key, String type) {
        poll(brokers);
        return all(key, type);
    }

    public static JsonNode json(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> all(String key, String type) {
        return seen.stream().filter(r -> key.equals(r.key()) && type.equals(header(r, CloudEventHeaders.TYPE))).toList();
    }

    private static synchronized void poll(String brokers) {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.COMPETITION_APPLICATIONS, Topics.COMPETITION_RESULTS)) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }
}
