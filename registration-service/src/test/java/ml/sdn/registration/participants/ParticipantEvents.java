package ml.sdn.registration.participants;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/**
 * Everything published on {@code registration.participants} of the real embedded broker, read by one
 * consumer at a time, from the beginning (the participant ITs share one broker).
 */
final class ParticipantEvents {

    private static KafkaConsumer<String, String> consumer;
    private static final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();

    private ParticipantEvents() {
    }

    /** The first record with this key and {@code ce_type}, waiting up to 20 s for it. */
    static ConsumerRecord<String, String> awaitRecord(String brokers, String key, String type) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            poll(brokers);
            return find(key, type);
        }, Optional::isPresent).orElseThrow();
    }

    /** Every record with this key and {@code ce_type} seen so far, after one more poll. */
    static List<ConsumerRecord<String, String>> all(String brokers, String key, String type) {
        poll(brokers);
        return seen.stream().filter(r -> matches(r, key, type)).toList();
    }

    /** Closes the consumer (an IT class's {@code @AfterAll}); the next use reads the topic again from the start. */
    static synchronized void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
            seen.clear();
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Optional<ConsumerRecord<String, String>> find(String key, String type) {
        return seen.stream().filter(r -> matches(r, key, type)).findFirst();
    }

    private static boolean matches(ConsumerRecord<String, String> record, String key, String type) {
        return key.equals(record.key()) && type.equals(header(record, CloudEventHeaders.TYPE));
    }

    private static synchronized void poll(String brokers) {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.REGISTRATION_PARTICIPANTS)
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }
}
