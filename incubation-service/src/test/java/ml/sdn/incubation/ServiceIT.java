package ml.sdn.incubation;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.TestIssuer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole service on a random port with a real Kafka broker in the JVM, the MongoDB-protocol store
 * and a real token issuer. Every IT class extends this one so that they share one Spring context.
 * The broker creates no topic on its own: the topics the service reads are declared here (3
 * partitions), as competition-service declares them in a running platform.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sdn.outbox.poll-interval=100ms",
        "sdn.kafka.retries=1",
        "spring.kafka.producer.properties.max.block.ms=2000"})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        topics = {Topics.COMPETITION_APPLICATIONS, Topics.REGISTRATION_PARTICIPANTS},
        brokerProperties = {"auto.create.topics.enable=false", "offsets.topic.num.partitions=1"})
public abstract class ServiceIT {

    protected static final EmbeddedMongo MONGO = EmbeddedMongo.start();
    protected static final TestIssuer ISSUER = TestIssuer.start();

    /** One producer for the whole run: a new one per event would pay a connection and metadata fetch each time. */
    private static KafkaProducer<String, byte[]> producer;

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
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    /**
     * Sends a record as another service's outbox relay does: JSON value, CloudEvents headers,
     * key = subject. {@code partition} null lets the key choose it.
     */
    protected void send(String topic, Integer partition, String key, String eventId, String type, String json) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key,
                json.getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, eventId);
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SOURCE, "/sdn/competition-service");
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish the test event", e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
