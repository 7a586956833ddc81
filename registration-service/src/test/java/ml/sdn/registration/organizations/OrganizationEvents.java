package ml.sdn.registration.organizations;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/** Reads topic registration.organizations from the real broker, from the beginning, for every IT of this feature. */
final class OrganizationEvents {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<ConsumerRecord<String, String>> SEEN = new CopyOnWriteArrayList<>();
    private static KafkaConsumer<String, String> consumer;

    private OrganizationEvents() {
    }

    /** The first record of this type and key whose payload, read as {@code payloadClass}, passes {@code matching}. */
    static <T> Received<T> awaitEvent(String brokers, String key, String type, Class<T> payloadClass, Predicate<T> matching) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll(brokers);
            return SEEN.stream().filter(r -> key.equals(r.key()) && type.equals(header(r, CloudEventHeaders.TYPE)))
                    .map(r -> new Received<>(r, JSON.readValue(r.value(), payloadClass)))
                    .filter(received -> matching.test(received.event())).findFirst();
        }, Optional::isPresent).orElseThrow();
    }

    /** Every record received so far with this type and key (after one more poll). */
    static List<ConsumerRecord<String, String>> all(String brokers, String key, String type) {
        poll(brokers);
        return SEEN.stream().filter(r -> key.equals(r.key()) && type.equals(header(r, CloudEventHeaders.TYPE))).toList();
    }

    record Received<T>(ConsumerRecord<String, String> record, T event) {
    }

    private static synchronized void poll(String brokers) {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    ConsumerConfig.GROUP_ID_CONFIG, "organizations-test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REGISTRATION_ORGANIZATIONS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(SEEN::add);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
