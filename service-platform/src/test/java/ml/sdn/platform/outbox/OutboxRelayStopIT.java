package ml.sdn.platform.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import ml.sdn.testing.EmbeddedMongo;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service instance stopping while its relay is publishing: the round ends after the send in flight and the relay
 * lock is free at once, so the other instance's relay carries on at its next poll; what was not sent stays in the
 * outbox for it. The store is real (the MongoDB-protocol store); the broker is Kafka's own {@link MockProducer},
 * whose sends stay unacknowledged until the test completes them.
 */
class OutboxRelayStopIT {

    private static final String COLLECTION = "stopping_things";

    private final EmbeddedMongo store = EmbeddedMongo.start();
    private final MongoClient client = MongoClients.create(store.uri());
    private final MongoTemplate mongo = new MongoTemplate(client, "sdn_relay_stop");
    private final MockProducer<Object, Object> producer = new MockProducer<>(false, null, serializer(), serializer());
    private final ProducerFactory<Object, Object> producers = () -> producer;
    private final OutboxRelay relay = new OutboxRelay(mongo, new KafkaTemplate<>(producers), List.of(new OutboxCollection(COLLECTION)),
            "/sdn/test", Duration.ofSeconds(10), new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getDb())),
            Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(30), Clock.systemUTC(), EventFigures.NONE);

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void a_stopping_instance_ends_its_round_after_the_send_in_flight_and_frees_the_relay_lock() {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("version", 0).append(OutboxCollection.FIELD,
                IntStream.range(0, 3).mapToObj(i -> event(id, i)).toList()), COLLECTION);
        relay.start();
        CompletableFuture<Void> round = CompletableFuture.runAsync(relay::relayPending);
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1); // first send in flight

        CompletableFuture<Void> stop = CompletableFuture.runAsync(relay::stop);
        await().atMost(Duration.ofSeconds(10)).until(relay::stopRequested);
        assertThat(stop).as("the stop waits for the round").isNotDone();
        producer.completeNext(); // the broker acknowledges the send in flight
        stop.join();
        round.join();

        assertThat(producer.history()).as("sends: only the one in flight at the stop").hasSize(1);
        assertThat(mongo.findById(id, Document.class, COLLECTION).getList(OutboxCollection.FIELD, Document.class))
                .as("left for the other instance").hasSize(2);
        Optional<SimpleLock> taken = new MongoLockProvider(mongo.getDb()).lock(
                new LockConfiguration(Instant.now(), OutboxRelay.LOCK_NAME, Duration.ofSeconds(60), Duration.ZERO));
        assertThat(taken).as("the relay lock, for the other instance").isPresent();
        relay.relayPending();
        assertThat(producer.history()).as("no round after the stop").hasSize(1);
    }

    private static Document event(String subject, int index) {
        return new Document("id", UUID.randomUUID().toString()).append("type", "ml.sdn.probe.thing-created")
                .append("topic", "sdn.probe.things").append("key", subject).append("subject", subject)
                .append("time", Date.from(Instant.parse("2026-12-07T08:00:00Z").plusSeconds(index)))
                .append("payload", "{\"n\":" + index + "}");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.apache.kafka.common.serialization.Serializer<Object> serializer() {
        return (org.apache.kafka.common.serialization.Serializer) new StringSerializer();
    }
}
