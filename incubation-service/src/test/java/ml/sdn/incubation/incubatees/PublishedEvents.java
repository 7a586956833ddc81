package ml.sdn.incubation.incubatees;

import ml.sdn.events.CloudEventHeaders;
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

import org.awaitility.Awaitility;

/** What this service published on one topic of the real embedded broker, read from the beginning by a consumer of its own. */
final class PublishedEvents implements AutoCloseable {

    private final String topic;
    private final String brokers;
    private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
    private KafkaConsumer<String, String> consumer;

    PublishedEvents(String brokers, String topic) {
        this.brokers = brokers;
        this.topic = topic;
    }

    /** The first record with this key and {@code ce_type}, waiting up to 20 s for it. */
    ConsumerRecord<String, String> awaitRecord(String key, String type) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            poll();
            return find(key, type);
        }, Optional::isPresent).orElseThrow();
    }

    /** Every record with this key and {@code ce_type} seen so far, after one more poll. */
    List<ConsumerRecord<String, String>> all(String key, String type) {
        poll();
        return seen.stream().filter(r -> matches(r, key, type)).toList();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Optional<ConsumerRecord<String, String>> find(String key, String type) {
        return seen.stream().filter(r -> matches(r, key, type)).findFirst();
    }

    private static boolean matches(ConsumerRecord<String, String> record, String key, String type) {
        return key.equals(record.key()) && type.equals(header(record, CloudEventHeaders.TYPE));
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
