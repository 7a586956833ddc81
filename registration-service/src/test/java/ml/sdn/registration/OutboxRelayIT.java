package ml.sdn.registration;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.platform.outbox.PendingEvent;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay against the real broker: an event the broker cannot take (its topic does not exist yet,
 * and the broker does not create topics on its own) stays in its document, with the events behind
 * it, while the ones before it go out and are removed one by one; once the topic exists it goes out too.
 */
class OutboxRelayIT extends ServiceIT {

    record ProbeAggregate(String id, List<PendingEvent> outbox) {
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void publishes_then_removes_exactly_the_sent_event_and_keeps_a_refused_one_until_the_broker_takes_it() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String openTopic = "probe.open-" + suffix;
        String laterTopic = "probe.later-" + suffix;
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(openTopic, 1, (short) 1))).all().get();

            PendingEvent first = event(openTopic, "aggregate-" + suffix);
            PendingEvent blocked = event(laterTopic, "aggregate-" + suffix);
            PendingEvent behind = event(openTopic, "aggregate-" + suffix);
            mongo.insert(new ProbeAggregate("aggregate-" + suffix, List.of(first, blocked, behind)), PROBE_COLLECTION);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(pendingIds("aggregate-" + suffix)).containsExactly(blocked.id(), behind.id()));
            List<ConsumerRecord<String, String>> sent = readAll(openTopic, 1);
            assertThat(sent).hasSize(1);
            assertThat(header(sent.get(0), CloudEventHeaders.ID)).isEqualTo(first.id());
            assertThat(sent.get(0).key()).isEqualTo("aggregate-" + suffix);
            assertThat(sent.get(0).value()).isEqualTo(first.payload());

            admin.createTopics(List.of(new NewTopic(laterTopic, 1, (short) 1))).all().get();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(pendingIds("aggregate-" + suffix)).isEmpty());
            assertThat(readAll(laterTopic, 1)).extracting(r -> header(r, CloudEventHeaders.ID)).containsExactly(blocked.id());
            assertThat(readAll(openTopic, 2)).extracting(r -> header(r, CloudEventHeaders.ID)).containsExactly(first.id(), behind.id());
        }
    }

    @Test
    void no_event_goes_out_while_another_instance_holds_the_relay_lock() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String topic = "probe.locked-" + suffix;
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        // what ShedLock writes when another instance of this service is relaying
        mongo.save(new Document("_id", "sdn-outbox-relay").append("lockUntil", Date.from(Instant.now().plusSeconds(60)))
                .append("lockedAt", new Date()).append("lockedBy", "another-instance"), "shedLock");
        try {
            PendingEvent pending = event(topic, "locked-" + suffix);
            mongo.insert(new ProbeAggregate("locked-" + suffix, List.of(pending)), PROBE_COLLECTION);

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                    assertThat(pendingIds("locked-" + suffix)).containsExactly(pending.id()));

            mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "shedLock");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pendingIds("locked-" + suffix)).isEmpty());
            assertThat(readAll(topic, 1)).extracting(r -> header(r, CloudEventHeaders.ID)).containsExactly(pending.id());
        } finally {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "shedLock");
        }
    }

    private static PendingEvent event(String topic, String subject) {
        return new PendingEvent(UUID.randomUUID().toString(), "sdn.test.probe.v1", topic, subject, subject, Instant.now(),
                "{\"n\":\"" + UUID.randomUUID() + "\"}");
    }

    private List<String> pendingIds(String id) {
        Document document = mongo.findById(id, Document.class, PROBE_COLLECTION);
        assertThat(document).isNotNull();
        List<String> ids = new ArrayList<>();
        for (Document event : document.getList("outbox", Document.class, List.of())) {
            ids.add(String.valueOf(event.containsKey("_id") ? event.get("_id") : event.get("id")));
        }
        return ids;
    }

    private List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            // one more short poll: a duplicate would show here
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            return records;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
