package ml.sdn.gateway;

import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each service behind the gateway as two real Tomcat instances ({@code sdn.gateway.services.<id>.uris}): the
 * gateway balances over them, keeps reads and keyed writes whole while one of them shuts down gracefully and comes
 * back, sends a write without an Idempotency-Key once it reached an instance only once whatever it meets (a refused
 * connection never reached one), and stops sending to an instance whose readiness probe fails until it passes again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplicasIT {

    static final TestIssuer issuer = TestIssuer.start();
    static final ReplicaService registrationA = new ReplicaService("registration-a");
    static final ReplicaService registrationB = new ReplicaService("registration-b");
    static final ReplicaService competitionA = new ReplicaService("competition-a");
    static final ReplicaService competitionB = new ReplicaService("competition-b");
    static final ReplicaService incubation = new ReplicaService("incubation");
    static final ReplicaService notificationA = new ReplicaService("notification-a");
    static final ReplicaService notificationB = new ReplicaService("notification-b");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SessionStore.register(registry);
        issuer.register(registry);
        registry.add("REGISTRATION_SERVICE_URIS", () -> registrationA.uri() + "," + registrationB.uri());
        registry.add("COMPETITION_SERVICE_URIS", () -> competitionA.uri() + "," + competitionB.uri());
        // one instance is not running at all: its connections are refused
        registry.add("INCUBATION_SERVICE_URIS", () -> DownstreamService.closedPortUri() + "," + incubation.uri());
        registry.add("NOTIFICATION_SERVICE_URIS", () -> notificationA.uri() + "," + notificationB.uri());
        registry.add("GATEWAY_RATE_LIMIT_CAPACITY", () -> 1_000_000);
        registry.add("GATEWAY_INSTANCE_CHECK_INTERVAL", () -> "200ms");
    }

    @AfterAll
    static void stop() {
        List.of(registrationA, registrationB, competitionA, competitionB, incubation, notificationA, notificationB)
                .forEach(ReplicaService::close);
        issuer.close();
    }

    @LocalServerPort
    int port;

    @Test
    void reads_and_keyed_writes_all_succeed_while_each_instance_in_turn_shuts_down_gracefully_and_comes_back() {
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        WebClient client = client();
        String token = issuer.token("participant-ml", "ML", "participant");
        List<Thread> users = new ArrayList<>();
        for (int user = 0; user < 3; user++) {
            Thread thread = new Thread(() -> {
                for (long i = 0; running.get(); i++) {
                    Mono<Integer> request = i % 2 == 0
                            ? status(client.get().uri("/api/registrations/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                            : status(client.post().uri("/api/registrations/me/attendance")
                                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                                    .header("Idempotency-Key", UUID.randomUUID().toString())
                                    .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{\"day\":1}"));
                    statuses.merge(request.block(), 1L, Long::sum);
                    sent.incrementAndGet();
                }
            }, "user-" + user);
            thread.start();
            users.add(thread);
        }

        awaitMore(registrationA::reads, 20);
        awaitMore(registrationB::reads, 20);
        for (ReplicaService instance : List.of(registrationA, registrationB)) {
            instance.shutDownGracefully();
            awaitMore(sent::get, 100); // the other one alone
            instance.start();
            awaitMore(instance::reads, 20); // back in rotation
        }
        running.set(false);
        users.forEach(ReplicasIT::join);

        assertThat(new TreeMap<>(statuses)).as("statuses of %d reads and keyed writes", sent.get()).containsOnlyKeys(200);
        List<String> keys = new ArrayList<>(registrationA.writeKeys());
        keys.addAll(registrationB.writeKeys());
        assertThat(keys).as("each keyed write answered by one instance").doesNotHaveDuplicates();
    }

    @Test
    void a_write_without_an_idempotency_key_is_sent_once_and_a_keyed_one_is_tried_again_on_the_other_instance() {
        competitionA.refuseWrites(true); // answers writes 503, as Tomcat does while it shuts down
        String token = issuer.token("organizer-ml", "ML", "organizer");
        Map<Integer, Long> unkeyed = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            unkeyed.merge(write(token, null), 1L, Long::sum);
        }

        assertThat(unkeyed).as("round robin: every other unkeyed write met the refusing instance").isEqualTo(Map.of(200, 5L, 503, 5L));
        assertThat(competitionA.refusedWrites()).as("writes the refusing instance saw").isEqualTo(5);
        assertThat(competitionB.writeKeys()).as("writes the other instance saw: none twice").hasSize(5);

        List<String> keys = new ArrayList<>();
        Map<Integer, Long> keyed = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            String key = UUID.randomUUID().toString();
            keys.add(key);
            keyed.merge(write(token, key), 1L, Long::sum);
        }

        assertThat(keyed).isEqualTo(Map.of(200, 10L));
        assertThat(competitionB.writeKeys().stream().filter(key -> !key.isEmpty()))
                .as("each keyed write answered once, by the other instance").containsExactlyInAnyOrderElementsOf(keys);
        assertThat(competitionA.refusedWrites()).as("the refusing instance met keyed writes too").isGreaterThan(5);
        competitionA.refuseWrites(false);
    }

    @Test
    void requests_whose_connection_an_instance_refuses_go_to_the_other_even_writes_without_a_key_as_they_were_never_sent() {
        String token = issuer.token("participant-ml", "ML", "participant");
        Map<Integer, Long> statuses = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            statuses.merge(status(client().post().uri("/api/incubation/cohorts")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{\"unkeyed\":" + i + "}")).block(), 1L, Long::sum);
            statuses.merge(status(client().get().uri("/api/incubation/cohorts")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).block(), 1L, Long::sum);
            statuses.merge(status(client().post().uri("/api/incubation/cohorts")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{}")).block(), 1L, Long::sum);
        }

        assertThat(statuses).as("statuses; 400: a write whose body did not arrive").isEqualTo(Map.of(200, 30L));
        assertThat(incubation.reads()).isEqualTo(10);
        assertThat(incubation.writeKeys()).hasSize(20);
    }

    @Test
    void an_instance_failing_its_readiness_probe_gets_no_requests_until_it_passes_again() {
        String token = issuer.token("participant-ml", "ML", "participant");
        notificationA.ready(false);
        awaitNoneReachesA(token);
        long readsBefore = notificationA.reads();
        for (int i = 0; i < 10; i++) {
            assertThat(status(client().get().uri("/api/notifications/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).block())
                    .isEqualTo(200);
        }
        assertThat(notificationA.reads()).as("reads of the instance that is not ready").isEqualTo(readsBefore);

        notificationA.ready(true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            status(client().get().uri("/api/notifications/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).block();
            assertThat(notificationA.reads()).isGreaterThan(readsBefore);
        });
    }

    /** Until ten reads in a row all went to the other instance. */
    private void awaitNoneReachesA(String token) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            long before = notificationA.reads();
            for (int i = 0; i < 10; i++) {
                status(client().get().uri("/api/notifications/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).block();
            }
            assertThat(notificationA.reads()).isEqualTo(before);
        });
    }

    private int write(String token, String key) {
        WebClient.RequestBodySpec request = client().post().uri("/api/competitions/editions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return status(request.header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{\"year\":2026}")).block();
    }

    private WebClient client() {
        return WebClient.create("http://127.0.0.1:" + port);
    }

    private static Mono<Integer> status(WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(Duration.ofSeconds(30), Mono.just(-1));
    }

    private static void awaitMore(LongSupplier counter, long more) {
        long target = counter.getAsLong() + more;
        await().atMost(Duration.ofSeconds(30)).until(() -> counter.getAsLong() >= target);
    }

    private static void join(Thread thread) {
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
