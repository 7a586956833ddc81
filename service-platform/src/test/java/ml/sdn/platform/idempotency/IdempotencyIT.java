package ml.sdn.platform.idempotency;

import ml.sdn.testing.MutableClock;
import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the checks every service runs cannot reach through real endpoints: a 5xx is not kept, the 24 hours
 * are counted on the injected Clock, an endpoint that is not marked ignores the header. The platform in a
 * small Boot application with one probe controller, called over HTTP with real tokens.
 */
@SpringBootTest(classes = IdempotencyIT.ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=idempotency-probe", "sdn.service.api-prefix=/api/probe",
                "spring.mongodb.database=sdn_probe"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class IdempotencyIT {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.start();
    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final String HEADER = "Idempotency-Key";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ProbeController probe;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        MONGO.register(registry);
        ISSUER.register(registry);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProbeController.class)
    static class ProbeApplication {

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-11-18T08:00:00Z"));
        }
    }

    /** Creates numbered things; a body {"fail": true} makes the first try of each name fail with a 500. */
    @RestController
    static class ProbeController {

        final AtomicInteger created = new AtomicInteger();
        private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();

        @PostMapping("/api/probe/things/{name}")
        @AcceptsIdempotencyKey
        ResponseEntity<Map<String, Object>> create(@PathVariable String name, @RequestBody Map<String, Object> body) {
            if (Boolean.TRUE.equals(body.get("fail")) && tries.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet() == 1) {
                throw new IllegalStateException("the database went away");
            }
            int id = created.incrementAndGet();
            return ResponseEntity.created(URI.create("/api/probe/things/" + name + "/" + id)).body(Map.of("id", id));
        }

        @PostMapping("/api/probe/unmarked")
        ResponseEntity<Map<String, Object>> unmarked(@RequestBody Map<String, Object> body) {
            return ResponseEntity.ok(Map.of("id", created.incrementAndGet()));
        }
    }


    private ServiceApi api() {
        return new ServiceApi(port);
    }

    private static String path() {
        return "/api/probe/things/" + UUID.randomUUID();
    }

    @Test
    void a_500_is_not_kept_so_the_retry_runs_again_and_its_answer_is_kept() {
        String token = ISSUER.token("alice", "ML", "participant");
        String path = path();
        String key = UUID.randomUUID().toString();

        ServiceApi.Response failed = api().postJson(path, token, "{\"fail\":true}", HEADER, key);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");

        ServiceApi.Response retried = api().postJson(path, token, "{\"fail\":true}", HEADER, key);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();

        ServiceApi.Response again = api().postJson(path, token, "{\"fail\":true}", HEADER, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(retried.header("Location"));
        assertThat(again.body()).isEqualTo(retried.body());
    }

    @Test
    void the_answer_is_kept_24_hours_by_the_services_clock() {
        String token = ISSUER.token("bob", "ML", "participant");
        String path = path();
        String key = UUID.randomUUID().toString();
        ServiceApi.Response first = api().postJson(path, token, "{}", HEADER, key);
        assertThat(first.status()).isEqualTo(201);

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        ServiceApi.Response withinADay = api().postJson(path, token, "{}", HEADER, key);
        clock.advance(Duration.ofSeconds(1));
        ServiceApi.Response aDayLater = api().postJson(path, token, "{}", HEADER, key);

        assertThat(withinADay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(withinADay.body()).isEqualTo(first.body());
        assertThat(aDayLater.status()).isEqualTo(201);
        assertThat(aDayLater.header("Idempotent-Replayed")).isNull();
        assertThat(aDayLater.body()).isNotEqualTo(first.body());
    }

    @Test
    void an_endpoint_that_is_not_marked_ignores_the_header_even_malformed() {
        String token = ISSUER.token("carol", "ML", "participant");

        ServiceApi.Response first = api().postJson("/api/probe/unmarked", token, "{}", HEADER, "k".repeat(300));
        ServiceApi.Response second = api().postJson("/api/probe/unmarked", token, "{}", HEADER, "k".repeat(300));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.body()).isNotEqualTo(first.body());
    }

    @Test
    void without_a_token_nothing_is_kept_and_the_refusal_is_the_usual_401() {
        String key = UUID.randomUUID().toString();
        String path = path();

        assertThat(api().postJson(path, null, "{}", HEADER, key).status()).isEqualTo(401);
        ServiceApi.Response signedIn = api().postJson(path, ISSUER.token("dan", "ML", "participant"), "{}", HEADER, key);

        assertThat(signedIn.status()).isEqualTo(201);
        assertThat(signedIn.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void a_problem_answer_is_kept_and_replayed_like_any_other_below_500() {
        String token = ISSUER.token("erin", "ML", "participant");
        String path = path();
        String key = UUID.randomUUID().toString();

        ServiceApi.Response unreadable = api().postJson(path, token, "{not json", HEADER, key);
        ServiceApi.Response retry = api().postJson(path, token, "{not json", HEADER, key);

        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.contentType()).isEqualTo(unreadable.contentType());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(unreadable.body());
    }
}
