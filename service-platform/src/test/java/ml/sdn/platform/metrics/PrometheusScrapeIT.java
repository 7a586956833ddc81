package ml.sdn.platform.metrics;

import ml.sdn.platform.outbox.OutboxCollection;
import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.MutableClock;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.stereotype.Component;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What Prometheus reads from a service's own port, without a token: the outbox backlog while an event
 * waits and once it is published, dead letters, the Kafka consumer's lag, JVM and HTTP series, every one
 * tagged with the service's name. The platform in a small Boot application with one outbox collection and
 * one listener, on a real broker and store.
 */
@SpringBootTest(classes = PrometheusScrapeIT.ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=metrics-probe", "sdn.service.api-prefix=/api/probe",
                "spring.mongodb.database=sdn_metrics_probe", "sdn.outbox.metrics-refresh=10s"})
@EmbeddedKafka(partitions = 1, topics = PrometheusScrapeIT.TOPIC, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PrometheusScrapeIT {

    static final String TOPIC = "sdn.probe.things";
    private static final String COLLECTION = "probe_things";
    private static final EmbeddedMongo MONGO = EmbeddedMongo.start();
    private static final TestIssuer ISSUER = TestIssuer.start();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProbeListener listener;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        MONGO.register(registry);
        ISSUER.register(registry);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProbeListener.class)
    static class ProbeApplication {

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-11-18T08:00:00Z"));
        }

        @Bean
        OutboxCollection probeThings() {
            return new OutboxCollection(COLLECTION);
        }
    }

    /** Takes every event, except a payload saying "poison", which fails until it is a dead letter. */
    @Component
    static class ProbeListener {

        final List<String> received = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = TOPIC)
        void on(JsonNode payload) {
            if (payload.has("poison")) {
                throw new IllegalStateException("cannot take this one");
            }
            received.add(payload.path("thing").asString());
        }
    }

    @Test
    void the_outbox_backlog_is_scraped_while_an_event_waits_and_once_it_is_published() {
        awaitEmptyOutbox();
        String id = UUID.randomUUID().toString();
        // the relay leaves it alone until told otherwise (its retry time is a day ahead on the real clock)
        mongo.insert(new Document("_id", id).append("version", 0)
                .append(OutboxCollection.RETRY_AT_FIELD, Date.from(Instant.now().plus(Duration.ofDays(1))))
                .append(OutboxCollection.FIELD, List.of(event(id, "{\"thing\":\"" + id + "\"}", clock.instant().minusSeconds(90)))),
                COLLECTION);
        clock.advance(Duration.ofSeconds(30)); // past any reading cached before the insert

        String waiting = scrape();
        assertThat(sample(waiting, "sdn_outbox_pending_events", "collection=\"" + COLLECTION + "\"")).contains(1.0);
        assertThat(sample(waiting, "sdn_outbox_oldest_pending_age_seconds", "collection=\"" + COLLECTION + "\"")).contains(120.0);
        assertThat(waiting).contains("application=\"metrics-probe\"");

        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().unset(OutboxCollection.RETRY_AT_FIELD), COLLECTION);
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.received.contains(id));
        // the relay removes the event once the broker has acknowledged it, which may be after the listener has it
        String published = await().atMost(Duration.ofSeconds(30)).until(this::scrapeAfterRefresh,
                text -> sample(text, "sdn_outbox_pending_events", "collection=\"" + COLLECTION + "\"").equals(Optional.of(0.0)));
        assertThat(sample(published, "sdn_outbox_oldest_pending_age_seconds", "collection=\"" + COLLECTION + "\"")).contains(0.0);
    }

    @Test
    void a_read_between_two_refreshes_does_not_ask_the_store_again() {
        awaitEmptyOutbox();
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("version", 0)
                .append(OutboxCollection.RETRY_AT_FIELD, Date.from(Instant.now().plus(Duration.ofDays(1))))
                .append(OutboxCollection.FIELD, List.of(event(id, "{}", clock.instant()))), COLLECTION);
        try {
            clock.advance(Duration.ofSeconds(9));
            assertThat(sample(scrape(), "sdn_outbox_pending_events", "collection=\"" + COLLECTION + "\"")).contains(0.0);
            clock.advance(Duration.ofSeconds(1));
            assertThat(sample(scrape(), "sdn_outbox_pending_events", "collection=\"" + COLLECTION + "\"")).contains(1.0);
        } finally {
            mongo.remove(new Query(Criteria.where("_id").is(id)), COLLECTION);
        }
    }

    @Test
    void dead_letters_the_consumer_lag_the_jvm_and_the_requests_are_scraped() {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("version", 0)
                .append(OutboxCollection.FIELD, List.of(event(id, "{\"poison\":true}", clock.instant()))), COLLECTION);

        String scraped = await().atMost(Duration.ofSeconds(60)).until(this::scrape,
                text -> sample(text, "sdn_dead_letters_total", "topic=\"" + TOPIC + "\"").orElse(0.0) >= 1.0
                        && text.contains("kafka_consumer_fetch_manager_records_lag_max"));
        assertThat(scraped).contains("jvm_memory_used_bytes", "jvm_threads_live_threads")
                .contains("http_server_requests_seconds_count{")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/actuator/prometheus\"");
    }

    /**
     * The week's figures: each published event counted by its name, a registration also by country; both names keep
     * one set of labels whatever events came before (Prometheus drops a meter whose labels differ from its name's).
     */
    @Test
    void published_events_are_counted_with_the_figures_organizers_follow() {
        String id = UUID.randomUUID().toString();
        Document registered = event(id, "{\"participantId\":\"" + id + "\",\"country\":\"NE\"}", clock.instant())
                .append("type", "sdn.registration.participant-registered.v1");
        Document thing = event(id, "{\"thing\":\"" + id + "\"}", clock.instant());
        mongo.insert(new Document("_id", id).append("version", 0).append(OutboxCollection.FIELD, List.of(thing, registered)),
                COLLECTION);

        String scraped = await().atMost(Duration.ofSeconds(30)).until(this::scrape,
                text -> sample(text, "sdn_week_participants_registered_total", "country=\"NE\"").isPresent());
        assertThat(sample(scraped, "sdn_week_participants_registered_total", "country=\"NE\"")).contains(1.0);
        assertThat(sample(scraped, "sdn_events_published_total", "event=\"participant-registered\"")).contains(1.0);
        assertThat(sample(scraped, "sdn_events_published_total", "event=\"thing-created\"")).isPresent();
    }

    @Test
    void other_management_endpoints_stay_closed() {
        assertThat(new ServiceApi(port).get("/actuator/env", null).status()).isIn(401, 404);
        assertThat(new ServiceApi(port).get("/actuator/metrics", null).status()).isIn(401, 404);
    }

    /** Nothing left from another test (the relay may still be removing an event it has sent). */
    private void awaitEmptyOutbox() {
        await().atMost(Duration.ofSeconds(30)).until(this::scrapeAfterRefresh,
                text -> sample(text, "sdn_outbox_pending_events", "collection=\"" + COLLECTION + "\"").equals(Optional.of(0.0)));
    }

    /** A scrape that reads the store afresh: the clock is moved past the last reading's refresh interval. */
    private String scrapeAfterRefresh() {
        clock.advance(Duration.ofSeconds(10));
        return scrape();
    }

    private String scrape() {
        ServiceApi.Response response = new ServiceApi(port).get("/actuator/prometheus", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static Document event(String subject, String payload, Instant time) {
        return new Document("id", UUID.randomUUID().toString()).append("type", "ml.sdn.probe.thing-created")
                .append("topic", TOPIC).append("key", subject).append("subject", subject)
                .append("time", Date.from(time)).append("payload", payload);
    }

    /** The value of the first series {@code name} whose labels contain {@code label}. */
    static Optional<Double> sample(String scraped, String name, String label) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)").matcher(scraped);
        while (line.find()) {
            if (line.group(1).contains(label)) {
                return Optional.of(Double.parseDouble(line.group(2)));
            }
        }
        return Optional.empty();
    }
}
