package ml.sdn.competition;

import ml.sdn.events.Topics;
import ml.sdn.testing.CloudEventSender;
import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/**
 * The whole service on a random port with a real Kafka broker in the JVM, the MongoDB-protocol store
 * and a real token issuer. Every IT class extends this one so that they share one Spring context.
 * The broker creates no topic on its own: the topics the service reads are declared here, as
 * registration-service declares them in a running platform.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sdn.outbox.poll-interval=100ms",
        "sdn.kafka.retries=1",
        "spring.kafka.producer.properties.max.block.ms=2000",
        // scheduled jobs never fire on their own here: a test that needs one calls it (one run, one outcome)
        "sdn.competition.phase-announcement-interval=1000d",
        "sdn.competition.review-reminder-interval=1000d",
        "sdn.selection.resume-interval=1000d"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = {Topics.REGISTRATION_PARTICIPANTS, Topics.REGISTRATION_ORGANIZATIONS, Topics.INCUBATION_INCUBATEES},
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
     * Sends a record as registration-service's outbox relay does: JSON value, CloudEvents headers,
     * key = subject. {@code partition} null lets the key choose it.
     */
    protected void send(String topic, Integer partition, String key, String eventId, String type, String json) {
        if (sender == null) {
            sender = new CloudEventSender(broker.getBrokersAsString(), "/sdn/registration-service");
        }
        sender.send(topic, partition, key, eventId, type, json);
    }
}
