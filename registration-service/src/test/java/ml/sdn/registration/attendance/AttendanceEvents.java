package ml.sdn.registration.attendance;

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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;



/** Everything published on registration.attendance since the test class started reading it from the beginning. */
final class AttendanceEvents implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();

    AttendanceEvents(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !consumer.partitionsFor(Topics.REGISTRATION_ATTENDANCE).isEmpty());
        consumer.partitionsFor(Topics.REGISTRATION_ATTENDANCE)
                .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    synchronized void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    /** The events about one attendance (its key), of one type, received so far. */
    List<ConsumerRecord<String, String>> of(String attendanceId, String type) {
        poll();
        return seen.stream().filter(r -> attendanceId.equals(r.key()) && type.equals(header(r, CloudEventHeaders.TYPE))).toList();
    }

    /** Waits for the first event of this type about this attendance. */
    ConsumerRecord<String, String> awaitOne(String attendanceId, String type) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> of(attendanceId, type), list -> !list.isEmpty()).get(0);
    }

    /** All events of this attendance, in the order they were published (one key, one partition). */
    List<String> typesOf(String attendanceId) {
        poll();
        return seen.stream().filter(r -> attendanceId.equals(r.key())).map(r -> header(r, CloudEventHeaders.TYPE)).toList();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
