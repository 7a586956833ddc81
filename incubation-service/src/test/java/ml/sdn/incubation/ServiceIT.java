package ml.sdn.incubation;

import ml.sdn.events.Topics;
import ml.sdn.events.competition.EditionCreated;
import ml.sdn.incubation.editions.KnownEditions;
import ml.sdn.testing.CloudEventSender;
import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.UUID;


/**
 * The whole service on a random port with a real Kafka broker in the JVM, the MongoDB-protocol store
 * and a real token issuer. Every IT class extends this one so that they share one Spring context.
 * The broker creates no topic on its own: the topics the service reads are declared here (3
 * partitions), as their producers declare them in a running platform.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sdn.outbox.poll-interval=100ms",
        "sdn.kafka.retries=1",
        "spring.kafka.producer.properties.max.block.ms=2000",
        // scheduled jobs never fire on their own here: a test that needs one calls it (one run, one outcome)
        "sdn.incubation.risk-check-initial-delay=1000d",
        "sdn.incubation.pending-enrolment-sweep=1000d"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = {Topics.COMPETITION_APPLICATIONS, Topics.COMPETITION_EDITIONS, Topics.REGISTRATION_PARTICIPANTS},
        brokerProperties = {"auto.create.topics.enable=false", "offsets.topic.num.partitions=1"})
public abstract class ServiceIT {

    protected static final EmbeddedMongo MONGO = EmbeddedMongo.start();
    protected static final TestIssuer ISSUER = TestIssuer.start();

    /** One sender for the whole run (see CloudEventSender). */
    private static CloudEventSender sender;

    @LocalServerPort
    protected int port;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    private KnownEditions editions;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        MONGO.register(registry);
        ISSUER.register(registry);
    }

    public ServiceApi api() {
        return new ServiceApi(port);
    }

    @AfterAll
    static void closeSender() {
        if (sender != null) {
            sender.close();
            sender = null;
        }
    }

    /**
     * A fresh edition as competition-service announces it (EditionCreated on competition.editions), once
     * this service's copy has it: cohorts are opened for editions that exist only.
     */
    protected String knownEdition() {
        String editionId = "edition-" + UUID.randomUUID();
        send(Topics.COMPETITION_EDITIONS, null, editionId, UUID.randomUUID().toString(), EditionCreated.TYPE.type(), """
                {"editionId":"%s","number":3,"year":2027,"startDate":"2027-11-18","endDate":"2027-11-20",\
                "createdAt":"2026-12-01T10:00:00Z"}""".formatted(editionId));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> editions.exists(editionId));
        return editionId;
    }

    /**
     * Sends a record as competition-service's outbox relay does: JSON value, CloudEvents headers,
     * key = subject. {@code partition} null lets the key choose it.
     */
    protected void send(String topic, Integer partition, String key, String eventId, String type, String json) {
        if (sender == null) {
            sender = new CloudEventSender(broker.getBrokersAsString(), "/sdn/competition-service");
        }
        sender.send(topic, partition, key, eventId, type, json);
    }
}
