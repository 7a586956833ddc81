package ml.sdn.registration;

import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.TestIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port with a real Kafka broker in the JVM, the MongoDB-protocol store
 * and a real token issuer. Every IT class extends this one so that they share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sdn.outbox.poll-interval=100ms",
        "sdn.kafka.retries=1",
        "spring.kafka.producer.properties.max.block.ms=2000",
        // scheduled jobs never fire on their own here: a test that needs one calls it (one run, one outcome)
        "sdn.attendance.reconcile-interval=1000d", "sdn.programme.reconcile-interval=1000d",
        "sdn.programme.session-reminder.initial-delay=1000d"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = {"auto.create.topics.enable=false", "offsets.topic.num.partitions=1"})
@Import(ProbeOutboxConfiguration.class)
public abstract class ServiceIT {

    /** A second outbox collection, so the relay can be watched on documents the test writes itself. */
    public static final String PROBE_COLLECTION = "relay_probe";

    protected static final EmbeddedMongo MONGO = EmbeddedMongo.start();
    protected static final TestIssuer ISSUER = TestIssuer.start();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        MONGO.register(registry);
        ISSUER.register(registry);
    }

    public ServiceApi api() {
        return new ServiceApi(port);
    }
}
