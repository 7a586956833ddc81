package ml.sdn.e2e.containers.compose;

import ml.sdn.e2e.Platform;
import ml.sdn.e2e.containers.CrossServiceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform brought up by docker-compose (docker/offline/containers.sh compose does the up and
 * the down): a smoke scenario through the gateway, then one service redeployed alone with
 * {@code up -d --no-deps --build <service>} while requests keep going. Every request must succeed,
 * except those the gateway answers with its 503 problem while the service is away. Runs only when
 * {@code -Dsdn.compose.gateway=http://127.0.0.1:8080} says where the brought-up gateway is.
 */
@EnabledIfSystemProperty(named = "sdn.compose.gateway", matches = ".+")
class ComposeRedeployIT {

    private static final String REDEPLOYED = System.getProperty("sdn.compose.redeploy", "registration-service");
    private static final String KEYCLOAK = System.getProperty("sdn.compose.keycloak", "http://127.0.0.1:8180");
    private static final List<String> USERS = List.of("participant-ml", "participant-bf", "participant-ne");

    private final Platform platform = new Platform(new Platform.Endpoints(System.getProperty("sdn.compose.gateway"),
            KEYCLOAK, "http://localhost:8180/realms/sdn", () -> {
                throw new UnsupportedOperationException("no mailbox reader for the compose platform");
            }));

    @Test
    void smoke_through_the_gateway_then_one_service_redeployed_under_load_fails_no_request_but_with_503_problems() throws InterruptedException {
        smoke();

        String before = containerId(REDEPLOYED);
        Tally redeployed = new Tally("registration (redeployed)");
        Tally untouched = new Tally("competition (untouched)");
        ScheduledExecutorService load = Executors.newScheduledThreadPool(USERS.size() * 3);
        for (String user : USERS) {
            // each user stays under the gateway's rate limit (100 requests a minute per token subject): 60 a minute
            AtomicReference<String> token = new AtomicReference<>(platform.tokenOf(user));
            load.scheduleAtFixedRate(() -> token.set(platform.tokenOf(user)), 60, 60, TimeUnit.SECONDS);
            load.scheduleAtFixedRate(() -> redeployed.call(platform, "/api/registrations/whoami", token.get()), 0, 1500, TimeUnit.MILLISECONDS);
            load.scheduleAtFixedRate(() -> untouched.call(platform, "/api/competitions/whoami", token.get()), 500, 3000, TimeUnit.MILLISECONDS);
        }
        try {
            await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(60)).until(() -> redeployed.ok.get() > 10);

            // a new tag, as an upgrade would bring: compose recreates the container (an unchanged one stays "up-to-date")
            compose(Map.of("SDN_VERSION", "redeployed"), "up", "-d", "--no-deps", "--build", REDEPLOYED);
            Instant redeployedAt = Instant.now();
            assertThat(containerId(REDEPLOYED)).as("a new container").isNotEqualTo(before);

            // a Boot service takes 1-5 minutes to start on a loaded 2-core machine
            await().atMost(Duration.ofMinutes(12)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> redeployed.lastOk.get() != null && redeployed.lastOk.get().isAfter(redeployedAt.plusSeconds(5)));
            long okAfterRedeploy = redeployed.ok.get();
            await().pollDelay(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(60)).until(() -> redeployed.ok.get() > okAfterRedeploy + 10);
        } finally {
            load.shutdown();   // periodic tasks stop; calls in flight finish and are counted
            load.awaitTermination(1, TimeUnit.MINUTES);
        }
        System.out.println("== compose scenario: " + redeployed + "; " + untouched);

        assertThat(redeployed.other).as("registration answers other than 2xx or the gateway's 503 problem").isEmpty();
        assertThat(untouched.other).as("competition answers other than 2xx").isEmpty();
        assertThat(untouched.unavailable.get()).as("503 from the untouched service").isZero();
        assertThat(redeployed.ok.get()).isPositive();
    }

    private void smoke() {
        String token = platform.tokenOf("participant-ne");
        for (String prefix : new String[] {"/api/registrations", "/api/competitions", "/api/incubation", "/api/notifications"}) {
            Platform.Response me = platform.get(platform.gateway(prefix + "/whoami"), token);
            assertThat(me.status()).as(prefix + ": " + me.body()).isEqualTo(200);
            assertThat(me.json().get("country").asString()).isEqualTo("NE");
        }
        assertThat(platform.get(platform.gateway("/api/registrations/whoami"), null).status()).isEqualTo(401);
        CrossServiceEvent.profileCreatedReachesTheInbox(platform, "participant-ne");
        System.out.println("== compose scenario: smoke passed (sign-in, 4 services, registration → notification event)");
    }

    private static String containerId(String service) {
        return Compose.containerId(service);
    }

    private static void compose(Map<String, String> environment, String... arguments) {
        Compose.run(environment, arguments).lines().filter(line -> !line.startsWith("Step ") && !line.startsWith(" --->")).limit(40)
                .forEach(line -> System.out.println("   " + line));
    }

    /** Answers to one kind of request: 2xx, the gateway's 503 problem, and anything else (kept for the report). */
    private static final class Tally {
        private final String name;
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong unavailable = new AtomicLong();
        private final AtomicReference<Instant> lastOk = new AtomicReference<>();
        private final Map<String, Long> other = new ConcurrentHashMap<>();

        Tally(String name) {
            this.name = name;
        }

        void call(Platform platform, String path, String token) {
            try {
                Platform.Response response = platform.get(platform.gateway(path), token);
                if (response.status() / 100 == 2) {
                    ok.incrementAndGet();
                    lastOk.set(Instant.now());
                } else if (response.status() == 503 && response.contentType().startsWith("application/problem+json")) {
                    unavailable.incrementAndGet();
                } else {
                    other.merge(response.status() + " " + response.contentType(), 1L, Long::sum);
                }
            } catch (RuntimeException e) {
                other.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
            }
        }

        @Override
        public String toString() {
            return name + ": " + ok + " ok, " + unavailable + " gateway 503 problems, other " + other;
        }
    }
}
