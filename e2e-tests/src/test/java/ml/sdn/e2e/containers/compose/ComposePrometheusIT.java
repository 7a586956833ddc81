package ml.sdn.e2e.containers.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Prometheus as docker-compose.yml runs it (docker/prometheus/prometheus.yml, alerts.yml): it scrapes both replicas of
 * every service, the portal and the gateway's management port, all up; with one service stopped, the target goes
 * down and PartDown fires once its {@code for: 1m} has passed; started again, the alert resolves. Asked through
 * Prometheus's HTTP API on 127.0.0.1:9090 ({@code -Dsdn.compose.prometheus}, by docker/offline/containers.sh).
 */
@EnabledIfSystemProperty(named = "sdn.compose.prometheus", matches = ".+")
class ComposePrometheusIT {

    private static final String PROMETHEUS = System.getProperty("sdn.compose.prometheus");
    /** The service stopped for the alert: no other check of the scenario needs it while it is away. */
    private static final String STOPPED = "incubation-service";
    private static final String STOPPED_TARGET = STOPPED + ":8083";
    private static final Map<String, Set<String>> TARGETS = Map.of(
            "services", Set.of("registration-service:8081", "competition-service:8082", "incubation-service:8083",
                    "notification-service:8084", "registration-service-2:8081", "competition-service-2:8082",
                    "incubation-service-2:8083", "notification-service-2:8084"),
            "portal", Set.of("portal:8085", "portal-2:8085"),
            "gateway", Set.of("gateway:9080", "gateway-2:9080"));
    private static final Set<String> APPLICATIONS = Set.of("registration-service", "competition-service",
            "incubation-service", "notification-service", "portal", "gateway");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void every_part_is_scraped_and_part_down_fires_while_a_service_is_stopped_and_resolves_once_it_is_back() {
        // every part up (a service redeployed by another check of the scenario may still be starting)
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(targets()).isEqualTo(expected(Map.of())));
        assertThat(applicationsScraped()).as("the application label of every part's series").containsAll(APPLICATIONS);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(2))
                .until(() -> partDown(STOPPED_TARGET).isEmpty());

        Instant stopped = Instant.now(); // its port closes as its graceful shutdown begins, before stop returns
        Compose.run(Map.of(), "stop", STOPPED);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(health(targets())).isEqualTo(expected(Map.of(STOPPED_TARGET, "down"))));
        Duration seenDown = Duration.between(stopped, Instant.now());
        // a scrape every 10 s, then `for: 1m`, then the next evaluation (10 s)
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> partDown(STOPPED_TARGET).equals("firing"));
        Duration fired = Duration.between(stopped, Instant.now());
        assertThat(fired).as("PartDown waits for its `for: 1m`").isGreaterThanOrEqualTo(Duration.ofMinutes(1));

        Compose.run(Map.of(), "start", STOPPED);
        Instant started = Instant.now();
        // a Boot service takes 1-5 minutes to start on a loaded 2-core machine
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(targets()).isEqualTo(expected(Map.of())));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(2))
                .until(() -> partDown(STOPPED_TARGET).isEmpty());
        System.out.println("== compose scenario: Prometheus: " + STOPPED + " seen down " + seenDown.toSeconds() + " s after its stop, PartDown firing after "
                + fired.toSeconds() + " s; started again, resolved after " + Duration.between(started, Instant.now()).toSeconds() + " s");
    }

    /** job → instance → health, as Prometheus's active targets say, with the last scrape's error if any. */
    private Map<String, Map<String, String>> targets() {
        Map<String, Map<String, String>> targets = new TreeMap<>();
        for (JsonNode target : api("/api/v1/targets?state=active").path("data").path("activeTargets")) {
            String error = target.path("lastError").asString("");
            targets.computeIfAbsent(target.path("labels").path("job").asString(), job -> new TreeMap<>())
                    .put(target.path("labels").path("instance").asString(),
                            target.path("health").asString() + (error.isEmpty() ? "" : ": " + error));
        }
        return targets;
    }

    /** The health alone, without the errors. */
    private static Map<String, Map<String, String>> health(Map<String, Map<String, String>> targets) {
        Map<String, Map<String, String>> health = new TreeMap<>();
        targets.forEach((job, instances) -> instances.forEach((instance, state) -> health
                .computeIfAbsent(job, j -> new TreeMap<>()).put(instance, state.replaceFirst(":.*", ""))));
        return health;
    }

    private static Map<String, Map<String, String>> expected(Map<String, String> exceptions) {
        Map<String, Map<String, String>> expected = new TreeMap<>();
        TARGETS.forEach((job, instances) -> instances.forEach(instance -> expected.computeIfAbsent(job, j -> new TreeMap<>())
                .put(instance, exceptions.getOrDefault(instance, "up"))));
        return expected;
    }

    private Set<String> applicationsScraped() {
        JsonNode result = api("/api/v1/query?query=" + URLEncoder.encode("count by (application) (jvm_threads_live_threads)",
                StandardCharsets.UTF_8)).path("data").path("result");
        Set<String> applications = new TreeSet<>();
        result.forEach(series -> applications.add(series.path("metric").path("application").asString()));
        return applications;
    }

    /** The state of the PartDown alert of that target ("pending", "firing"), or "" when it has none. */
    private String partDown(String instance) {
        return StreamSupport.stream(api("/api/v1/alerts").path("data").path("alerts").spliterator(), false)
                .filter(alert -> alert.path("labels").path("alertname").asString().equals("PartDown")
                        && alert.path("labels").path("instance").asString().equals(instance))
                .peek(alert -> assertThat(alert.path("labels").path("severity").asString()).isEqualTo("page"))
                .map(alert -> alert.path("state").asString())
                .findFirst().orElse("");
    }

    private JsonNode api(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(PROMETHEUS + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Prometheus does not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
