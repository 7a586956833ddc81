package ml.sdn.registration.participants;

import ml.sdn.testing.ServiceApi;
import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.registration.ServiceIT;
import ml.sdn.testing.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ParticipantProfileIT extends ServiceIT {

    private static final String ME = "/api/registrations/participants/me";
    private static final String VALID = """
            {"preferredLanguage":"en","consent":{"accepted":true,"version":"2026-01"}}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaConsumer<String, String> consumer;
    private static final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();

    @Autowired
    EmbeddedKafkaBroker broker;

    @BeforeAll
    static void noConsumerYet() {
        consumer = null;
    }

    @AfterAll
    static void closeConsumer() {
        if (consumer != null) {
            consumer.close();
        }
    }

    @Test
    void creates_then_reads_the_callers_profile_with_identity_from_the_token() {
        String user = unique("participant");
        String token = ISSUER.token(user, "ML", "participant");

        ServiceApi.Response created = api().put(ME, token, VALID);
        assertThat(created.status()).isEqualTo(201);

        ServiceApi.Response read = api().get(ME, token);
        assertThat(read.status()).isEqualTo(200);
        JsonNode body = read.json();
        assertThat(body.get("id").asString()).isEqualTo(TestIssuer.subjectOf(user));
        assertThat(body.get("username").asString()).isEqualTo(user);
        assertThat(body.get("email").asString()).isEqualTo(user + "@demo.sdn.ml");
        assertThat(body.get("country").asString()).isEqualTo("ML");
        assertThat(body.get("preferredLanguage").asString()).isEqualTo("en");
        assertThat(body.get("consent").get("accepted").asBoolean()).isTrue();
        assertThat(body.get("consent").get("version").asString()).isEqualTo("2026-01");
        assertThat(body.get("consent").get("acceptedAt").isNull()).isFalse();
    }

    @Test
    void preferred_language_defaults_to_french() {
        String token = ISSUER.token(unique("participant"), "BF", "participant");

        ServiceApi.Response created = api().put(ME, token, """
                {"consent":{"accepted":true,"version":"2026-01"}}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("preferredLanguage").asString()).isEqualTo("fr");
    }

    @Test
    void updating_an_existing_profile_answers_200_and_keeps_the_registration_date() {
        String token = ISSUER.token(unique("participant"), "NE", "participant");
        JsonNode first = api().put(ME, token, VALID).json();

        ServiceApi.Response updated = api().put(ME, token, """
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("preferredLanguage").asString()).isEqualTo("fr");
        assertThat(updated.json().get("registeredAt").asString()).isEqualTo(first.get("registeredAt").asString());
        assertThat(api().get(ME, token).json().get("preferredLanguage").asString()).isEqualTo("fr");
    }

    @Test
    void a_caller_without_a_profile_gets_a_404_problem() {
        ServiceApi.Response response = api().get(ME, ISSUER.token(unique("nobody"), "ML", "participant"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void another_users_profile_is_not_reachable() {
        String owner = unique("owner");
        api().put(ME, ISSUER.token(owner, "ML", "participant"), VALID);

        ServiceApi.Response otherRead = api().get(ME, ISSUER.token(unique("other"), "ML", "participant"));
        ServiceApi.Response byId = api().get("/api/registrations/participants/" + TestIssuer.subjectOf(owner),
                ISSUER.token(unique("other"), "ML", "participant"));

        assertThat(otherRead.status()).isEqualTo(404);
        assertThat(otherRead.body()).doesNotContain(owner);
        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.body()).doesNotContain(owner);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing consent  | {"preferredLanguage":"fr"}                                          | consent
            consent refused  | {"consent":{"accepted":false,"version":"2026-01"}}                  | consent.accepted
            no terms version | {"consent":{"accepted":true}}                                       | consent.version
            language de      | {"preferredLanguage":"de","consent":{"accepted":true,"version":"1"}} | preferredLanguage
            wrong type       | {"consent":{"accepted":{"x":1},"version":"1"}}                        | consent.accepted
            """)
    void rejects_bad_input_with_a_400_problem_naming_the_field(String label, String body, String field) {
        ServiceApi.Response response = api().put(ME, ISSUER.token(unique("participant"), "ML", "participant"), body);

        assertThat(response.status()).as(label).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cut inside consent | {"consent": {     | consent
            not json at all    | consent=yes       | body
            empty body         | ''                | body
            """)
    void rejects_malformed_json_with_a_400_problem_naming_where_it_broke(String label, String body, String field) {
        ServiceApi.Response response = api().put(ME, ISSUER.token(unique("participant"), "ML", "participant"), body);

        assertThat(response.status()).as(label).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(field);
    }

    @Test
    void validation_messages_are_french_by_default_and_english_on_request() {
        String token = ISSUER.token(unique("participant"), "ML", "participant");
        String refused = """
                {"consent":{"accepted":false,"version":"1"}}""";

        String french = api().put(ME, token, refused).json().get("errors").get(0).get("message").asString();
        String english = api().put(ME, token, refused, "Accept-Language", "en").json().get("errors").get(0).get("message").asString();

        assertThat(french).isEqualTo("le consentement doit être accepté");
        assertThat(english).isEqualTo("consent must be accepted");
    }

    @Test
    void registering_publishes_participant_registered_keyed_by_subject_with_cloudevents_headers() {
        String user = unique("participant");
        String subject = TestIssuer.subjectOf(user);

        api().put(ME, ISSUER.token(user, "NE", "participant"), VALID);

        ConsumerRecord<String, String> record = awaitRecord(subject, ParticipantRegistered.TYPE.type());
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/sdn/registration-service");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(subject);
        assertThat(header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        ParticipantRegistered event = JSON.readValue(record.value(), ParticipantRegistered.class);
        assertThat(event.participantId()).isEqualTo(subject);
        assertThat(event.country()).isEqualTo("NE");
        assertThat(event.preferredLanguage()).isEqualTo("en");
        assertThat(event.registeredAt()).isNotNull();
    }

    @Test
    void updating_publishes_participant_profile_updated_after_the_registration() {
        String user = unique("participant");
        String subject = TestIssuer.subjectOf(user);
        String token = ISSUER.token(user, "BF", "participant");
        api().put(ME, token, VALID);
        api().put(ME, token, """
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""");

        ConsumerRecord<String, String> updated = awaitRecord(subject, ParticipantProfileUpdated.TYPE.type());
        ConsumerRecord<String, String> registered = awaitRecord(subject, ParticipantRegistered.TYPE.type());

        assertThat(updated.offset()).isGreaterThan(registered.offset());
        assertThat(updated.partition()).isEqualTo(registered.partition());
        assertThat(JSON.readValue(updated.value(), ParticipantProfileUpdated.class).preferredLanguage()).isEqualTo("fr");
    }

    private ConsumerRecord<String, String> awaitRecord(String key, String type) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            poll();
            return find(key, type);
        }, Optional::isPresent).orElseThrow();
    }

    private Optional<ConsumerRecord<String, String>> find(String key, String type) {
        return seen.stream().filter(r -> key.equals(r.key()) && type.equals(header(r, CloudEventHeaders.TYPE))).findFirst();
    }

    private synchronized void poll() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                    ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.REGISTRATION_PARTICIPANTS)
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
