package ml.sdn.e2e;

import ml.sdn.localstack.LocalStack;
import ml.sdn.localstack.ServiceModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of registration-service behind a gateway that balances over them (the second started as
 * {@code ./run-local.sh --replicas registration-service=2} starts it): while three people keep reading their
 * attendance and registering for a day with an Idempotency-Key, each instance in turn is stopped as an orchestrator
 * stops a container (SIGTERM: readiness down, graceful shutdown) and started again, and no request fails. Then one
 * instance is killed (SIGKILL) while a fourth person also keeps saving their profile (a write without a key, which
 * the gateway never sends twice once an instance had it): only those writes may fail, at most the one in flight.
 */
@ExtendWith(RunningPlatform.class)
class RollingRedeployIT {

    private static final int USERS = 3;
    /** Each person's pace: under the gateway's rate limit per person (100 a minute). */
    private static final Duration PACE = Duration.ofMillis(800);

    private final LocalStack stack;
    private final Platform platform;

    RollingRedeployIT(LocalStack stack, Platform platform) {
        this.stack = stack;
        this.platform = platform;
    }

    @Test
    void stopping_each_instance_in_turn_fails_no_request_and_killing_one_costs_at_most_its_unkeyed_write_in_flight() throws Exception {
        LocalDate day = LocalDate.of(2034, 1, 6).plusDays(ThreadLocalRandom.current().nextInt(0, 300));
        Platform.Response opened = platform.putJson(platform.gateway("/api/registrations/attendance/days/" + day),
                platform.tokenOf("organizer-ml"), "{\"capacity\": 50}");
        assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
        List<String> people = new ArrayList<>();
        for (int i = 0; i <= USERS; i++) {
            people.add(registeredPerson());
        }

        LocalStack.Instance first = stack.instance(ServiceModule.REGISTRATION, 1);
        LocalStack.Instance second = stack.startReplica(ServiceModule.REGISTRATION, Duration.ofMinutes(4));
        int port = freePort();
        String gateway = platform.gateway("").replaceFirst(":\\d+$", ":" + port);
        try (AutoCloseable balancing = stack.startAnotherGateway(port, Duration.ofMinutes(4))) {
            Load rolling = new Load(gateway, people.subList(0, USERS), null, day);
            rolling.awaitMore(30);
            for (LocalStack.Instance instance : List.of(first, second)) {
                instance.stop();
                rolling.awaitMore(30); // the other instance alone
                instance.start(Duration.ofMinutes(4));
                rolling.awaitMore(30); // both again
            }
            Load.Counts redeploy = rolling.stop();

            assertThat(redeploy.failures()).as("failed requests of %d during the rolling redeploy", redeploy.total()).isEmpty();
            assertThat(redeploy.total()).isGreaterThanOrEqualTo(150);

            Load killing = new Load(gateway, people.subList(0, USERS), people.get(USERS), day);
            killing.awaitMore(30);
            second.kill();
            killing.awaitMore(30);
            second.start(Duration.ofMinutes(4));
            killing.awaitMore(30);
            Load.Counts kill = killing.stop();

            assertThat(kill.failures()).as("failed requests of %d around the SIGKILL: only unkeyed writes, at most the one in flight",
                    kill.total()).allSatisfy(failure -> assertThat(failure).startsWith("unkeyed")).hasSizeLessThanOrEqualTo(1);
            System.out.printf("RollingRedeployIT: rolling redeploy %d requests, %d failed; SIGKILL %d requests (%d unkeyed writes), %d failed %s%n",
                    redeploy.total(), redeploy.failures().size(), kill.total(), kill.unkeyed(), kill.failures().size(), kill.failures());
        }
    }

    /** A new participant with a profile, signed in through Keycloak's admin API (the demo users' data stays as other tests expect it). */
    private String registeredPerson() {
        String username = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Platform.Response admin = platform.postForm(platform.keycloak("/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null);
        String adminToken = admin.json().get("access_token").asString();
        Platform.Response created = platform.postJson(platform.keycloak("/admin/realms/sdn/users"), adminToken, """
                {"username":"%s","email":"%s@example.org","emailVerified":true,"firstName":"Aminata","lastName":"Diallo",
                 "enabled":true,"attributes":{"country":["ML"]},"credentials":[%s]}"""
                .formatted(username, username, Platform.demoPasswordCredential()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Platform.Response profile = platform.putJson(platform.gateway("/api/registrations/participants/me"), platform.tokenOf(username), PROFILE);
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
        return username;
    }

    private static final String PROFILE = """
            {"gender":"FEMALE","preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""";

    /**
     * People sending requests through the gateway at a steady pace, each on their own schedule: reads (their attendance,
     * who they are) and registrations for {@code day} with a new Idempotency-Key each; and, if {@code unkeyedWriter} is
     * given, that person saving their profile again and again (a PUT without a key). Every answer other than 2xx,
     * and every request without an answer, is a failure.
     */
    private final class Load {

        record Counts(long total, long unkeyed, List<String> failures) {
        }

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final ScheduledExecutorService people = Executors.newScheduledThreadPool(USERS + 1);
        private final AtomicLong answered = new AtomicLong();
        private final AtomicLong unkeyed = new AtomicLong();
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();

        Load(String gateway, List<String> usernames, String unkeyedWriter, LocalDate day) {
            for (String username : usernames) {
                Person person = new Person(username);
                AtomicInteger turn = new AtomicInteger();
                people.scheduleAtFixedRate(() -> {
                    int kind = turn.getAndIncrement() % 3;
                    send(() -> switch (kind) {
                        case 0 -> person.request(gateway + "/api/registrations/attendance/me").GET().build();
                        case 1 -> person.request(gateway + "/api/registrations/whoami").GET().build();
                        default -> person.request(gateway + "/api/registrations/attendance/days/" + day + "/registrations")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
                    }, "");
                }, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (unkeyedWriter != null) {
                Person person = new Person(unkeyedWriter);
                people.scheduleAtFixedRate(() -> {
                    unkeyed.incrementAndGet();
                    send(() -> person.request(gateway + "/api/registrations/participants/me").header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(PROFILE)).build(), "unkeyed ");
                }, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void send(Supplier<HttpRequest> build, String kind) {
            HttpRequest request;
            try {
                request = build.get();
            } catch (RuntimeException e) {
                failures.add(kind + "sign-in: " + e.getMessage()); // a task that throws is never run again
                answered.incrementAndGet();
                return;
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    failures.add(kind + request.method() + " " + request.uri().getPath() + " " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                failures.add(kind + request.method() + " " + request.uri().getPath() + " " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answered.incrementAndGet();
        }

        void awaitMore(long more) {
            long target = answered.get() + more;
            await().atMost(Duration.ofMinutes(2)).until(() -> answered.get() >= target);
        }

        Counts stop() throws InterruptedException {
            people.shutdown();
            assertThat(people.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            return new Counts(answered.get(), unkeyed.get(), List.copyOf(failures));
        }
    }

    /** A person's access token, fetched again well before Keycloak's five minutes run out. */
    private final class Person {

        private final String username;
        private String token;
        private Instant fetched = Instant.EPOCH;

        Person(String username) {
            this.username = username;
        }

        synchronized HttpRequest.Builder request(String url) {
            if (Instant.now().isAfter(fetched.plus(Duration.ofMinutes(2)))) {
                token = platform.tokenOf(username);
                fetched = Instant.now();
            }
            return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json").header("Authorization", "Bearer " + token);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
