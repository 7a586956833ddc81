package ml.sdn.registration;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.platform.outbox.OutboxCollection;
import ml.sdn.platform.outbox.PendingEvent;
import net.javacrumbs.shedlock.core.SimpleLock;
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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The relay against the real broker: an event the broker cannot take (its topic does not exist yet,
 * and the broker does not create topics on its own) stays in its document, with the events behind
 * it, while the ones before it go out and are removed one by one; once the topic exists it goes out too.
 * Documents are held back from the relay, where a test needs it, by taking the relay's ShedLock lock.
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
        // taken the way another instance takes it, so only once this instance's round in progress (if any) is over
        SimpleLock foreign = RelayLock.take(mongo);
        try {
            PendingEvent pending = event(topic, "locked-" + suffix);
            mongo.insert(new ProbeAggregate("locked-" + suffix, List.of(pending)), PROBE_COLLECTION);

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                    assertThat(pendingIds("locked-" + suffix)).containsExactly(pending.id()));

            foreign.unlock();
            foreign = null;
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pendingIds("locked-" + suffix)).isEmpty());
            assertThat(readAll(topic, 1)).extracting(r -> header(r, CloudEventHeaders.ID)).containsExactly(pending.id());
        } finally {
            if (foreign != null) {
                foreign.unlock();
            }
        }
    }

    @Test
    void a_document_whose_event_the_broker_refuses_waits_its_turn_again_and_does_not_hold_back_the_others() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String openTopic = "probe.others-" + suffix;
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(openTopic, 1, (short) 1))).all().get();
        }
        SimpleLock lock = RelayLock.take(mongo);
        PendingEvent poison;
        PendingEvent other;
        try {
            // the refused event is the oldest, so its document comes first in every round
            poison = new PendingEvent(UUID.randomUUID().toString(), "sdn.test.probe.v1", "probe.missing-" + suffix,
                    "poison-" + suffix, "poison-" + suffix, Instant.now().minusSeconds(3600), "{}");
            other = event(openTopic, "other-" + suffix);
            mongo.insert(new ProbeAggregate("poison-" + suffix, List.of(poison)), PROBE_COLLECTION);
            mongo.insert(new ProbeAggregate("other-" + suffix, List.of(other)), PROBE_COLLECTION);
        } finally {
            lock.unlock();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pendingIds("other-" + suffix)).isEmpty());
        assertThat(readAll(openTopic, 1)).extracting(r -> header(r, CloudEventHeaders.ID)).containsExactly(other.id());
        Document refused = mongo.findById("poison-" + suffix, Document.class, PROBE_COLLECTION);
        assertThat(pendingIds("poison-" + suffix)).containsExactly(poison.id());
        assertThat(refused.getInteger(OutboxCollection.ATTEMPTS_FIELD)).isPositive();
        assertThat(refused.getDate(OutboxCollection.RETRY_AT_FIELD)).isNotNull();
        mongo.remove(new Query(Criteria.where("_id").is("poison-" + suffix)), PROBE_COLLECTION);
    }

    @Test
    void a_save_of_a_copy_read_before_its_event_went_out_fails_instead_of_writing_the_event_back() {
        String id = "versioned-" + UUID.randomUUID();
        String topic = "probe.open-" + UUID.randomUUID();
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        SimpleLock lock = RelayLock.take(mongo);
        VersionedProbe stale;
        try {
            mongo.insert(new VersionedProbe(id, "before", List.of(event(topic, id)), null), PROBE_COLLECTION);
            stale = mongo.findById(id, VersionedProbe.class, PROBE_COLLECTION);
            assertThat(stale.outbox()).hasSize(1);
        } finally {
            lock.unlock();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pendingIds(id)).isEmpty());

        VersionedProbe changed = new VersionedProbe(id, "after", stale.outbox(), stale.version());
        assertThatThrownBy(() -> mongo.save(changed, PROBE_COLLECTION)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(pendingIds(id)).isEmpty();
    }

    record VersionedProbe(@Id String id, String name, List<PendingEvent> outbox, @Version Long version) {
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
