package ml.sdn.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.EventType;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import ml.sdn.smsc.SmppSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One application context for every integration test: a KRaft broker in the JVM, the MongoDB-protocol
 * store, a test token issuer and a real SMTP server (GreenMail), all real, on free loopback ports. The
 * SMTP server keeps its port so that a test can stop it and start it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sdn.mail.poll-interval=200ms",
        "sdn.mail.initial-backoff=300ms",
        "sdn.mail.max-backoff=1s",
        "spring.mail.properties[mail.smtp.connectiontimeout]=2000",
        "sdn.sms.poll-interval=200ms",
        "sdn.sms.initial-backoff=300ms",
        "sdn.sms.max-backoff=1s",
        "sdn.sms.reconnect-initial=200ms",
        "sdn.sms.reconnect-max=500ms",
        "sdn.sms.response-timeout=3s",
        "sdn.sms.rate-per-second=500",
        // long enough for a killed SMSC to come back and send the receipts of what it took (SmsDeliveryIT)
        "sdn.sms.in-doubt-window=15s"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3,
        // the broker creates no topic on its own: declared here as their producers (registration-service,
        // competition-service) declare them. competition.results, registration.programme and the three incubation topics are left out
        // on purpose: the first test that publishes to one creates it, after checking that this service is
        // ready without it (see publishRaw)
        topics = {Topics.REGISTRATION_PARTICIPANTS, Topics.REGISTRATION_ORGANIZATIONS, Topics.REGISTRATION_ATTENDANCE,
                Topics.COMPETITION_APPLICATIONS, Topics.COMPETITION_CATEGORIES, Topics.COMPETITION_JURY},
        brokerProperties = "auto.create.topics.enable=false",
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class IntegrationTestSupport {

    protected static final TestIssuer ISSUER = TestIssuer.start();
    protected static final EmbeddedMongo MONGO = EmbeddedMongo.start();
    protected static final ServerSetup SMTP_SETUP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    protected static final GreenMail SMTP = new GreenMail(SMTP_SETUP);

    /**
     * The local stack's SMSC (an SMPP sink): it keeps its port, so a test can kill it and start it again. The port is
     * below the kernel's range of temporary ports: while the sink is down the service keeps connecting to it, and a
     * connection's own temporary port could otherwise be that very port (a self-connection), which then cannot be bound.
     */
    protected static final SmppSink SMSC = new SmppSink("127.0.0.1", freePortBelowTemporaryRange(), null, null);

    static {
        SMTP.start();
        SMSC.start();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected MockMvc mvc;

    @LocalServerPort
    protected int port;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ISSUER.register(registry);
        MONGO.register(registry);
        registry.add("spring.mail.host", SMTP_SETUP::getBindAddress);
        registry.add("spring.mail.port", SMTP_SETUP::getPort);
        registry.add("sdn.sms.host", () -> "127.0.0.1");
        registry.add("sdn.sms.port", SMSC::port);
    }

    private static volatile boolean keysFetched;

    /**
     * The first token check fetches the issuer's keys; on a loaded machine that fetch can time out once.
     * Do it here, retried, so that no test's first request pays for it.
     */
    @BeforeEach
    void issuerKeysAreFetched() {
        if (keysFetched) {
            return;
        }
        String token = ISSUER.token("warm-up", "ML", "participant");
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() ->
                mvc.perform(get("/api/notifications/whoami").header("Authorization", "Bearer " + token))
                        .andExpect(status().isOk()));
        keysFetched = true;
    }

    @AfterEach
    void smtpIsUpForTheNextTest() {
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
        SMSC.throttleNext(0);
        SMSC.refuseBinds(false);
        SMSC.start();
    }

    /** A participant, as TestIssuer names them: {@code id} is the {@code sub} of {@code ISSUER.token(username, …)}. */
    protected record Participant(String username, String id, String displayName, String email, String country,
                                 String language, String phone) {

        static Participant named(String displayName, String country, String language) {
            String username = "p-" + UUID.randomUUID().toString().substring(0, 8);
            return new Participant(username, TestIssuer.subjectOf(username), displayName, username + "@demo.sdn.ml",
                    country, language, null);
        }

        /** The same person with a phone number (E.164, as registration stores it). */
        Participant withPhone(String phone) {
            return new Participant(username, id, displayName, email, country, language, phone);
        }

        ParticipantRegistered registered() {
            return new ParticipantRegistered(id, username, displayName, email, country, language, Instant.now(), phone, null, null);
        }

        String token() {
            return ISSUER.token(username, country, "participant");
        }
    }

    /** Sends an event as its producer's outbox relay does: JSON value, CloudEvents headers, key = subject. */
    protected String publish(EventType<?> type, String subject, Object event) {
        String eventId = UUID.randomUUID().toString();
        publish(type, subject, event, eventId);
        return eventId;
    }

    protected void publish(EventType<?> type, String subject, Object event, String eventId) {
        publishRaw(type.topic(), subject, JSON.writeValueAsBytes(event), Map.of(
                CloudEventHeaders.ID, eventId,
                CloudEventHeaders.TYPE, type.type()));
    }

    /** One producer for the whole run: a new one per event would pay a connection and metadata fetch each time. */
    private static KafkaProducer<String, byte[]> producer;

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    public ServiceApi api() {
        return new ServiceApi(port);
    }

    protected void publishRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        if (TOPICS_CREATED_LATE.contains(topic)) {
            createdAfterTheServiceStarted(topic, Topics.partitionsOf(topic));
        }
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            record.headers()
                    .add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE))
                    .add(CloudEventHeaders.SOURCE, bytes("/sdn/" + topic.substring(0, topic.indexOf('.')) + "-service"))
                    .add(CloudEventHeaders.TIME, bytes(Instant.now().toString()))
                    .add(CloudEventHeaders.SUBJECT, bytes(key))
                    .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
            headers.forEach((name, text) -> record.headers().add(name, bytes(text)));
            producer().send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish the test event", e);
        }
    }

    private static final Set<String> TOPICS_CREATED_BY_TESTS = ConcurrentHashMap.newKeySet();

    /** Topics this service reads that do not exist when it starts (created with the contract's partitions, as their producers would). */
    private static final Set<String> TOPICS_CREATED_LATE = Set.of(Topics.COMPETITION_RESULTS,
            Topics.REGISTRATION_PROGRAMME, Topics.INCUBATION_INCUBATEES, Topics.INCUBATION_SESSIONS,
            Topics.INCUBATION_MILESTONES);

    /**
     * A topic this service consumes but that its producer had not declared when the service started (the
     * producing service starts later): the service is ready without it, and once the topic is created its
     * listener picks it up and reads it from the start. Created once per run, by the first test needing it.
     */
    private synchronized void createdAfterTheServiceStarted(String topic, int partitions) {
        if (TOPICS_CREATED_BY_TESTS.contains(topic)) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(topic);
            mvc.perform(get("/actuator/health/readiness"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
            TOPICS_CREATED_BY_TESTS.add(topic);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create " + topic + " after the service started", e);
        }
    }

    protected static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** An e-mail's plain-text body as the template wrote it, whatever line ends SMTP gave it. */
    protected static String text(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int freePortBelowTemporaryRange() {
        for (int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000); port < 32_000; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // the next one
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
