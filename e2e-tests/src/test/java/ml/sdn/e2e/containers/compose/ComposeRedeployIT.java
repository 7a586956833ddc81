package ml.sdn.e2e.containers.compose;

import ml.sdn.e2e.HttpBrowser;
import ml.sdn.e2e.Platform;
import ml.sdn.e2e.containers.CrossServiceEvent;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform brought up by docker-compose, two replicas of each part, nginx in front of the two gateways
 * (docker/offline/containers.sh compose does the up and the down): a smoke scenario through nginx, then the
 * rolling redeploy operators run, {@code docker/rolling-redeploy.sh} over each service in turn and then the gateways,
 * while three people keep reading and registering for days with an {@code Idempotency-Key}, and a browser signed in
 * through nginx keeps using its session. Every answer must be 2xx (counted); afterwards each person's inbox holds one
 * confirmation per day they registered for, no fewer (a lost event) and no more (a duplicate). Runs only when
 * {@code -Dsdn.compose.gateway=http://127.0.0.1:8080} says where nginx is.
 */
@EnabledIfSystemProperty(named = "sdn.compose.gateway", matches = ".+")
class ComposeRedeployIT {

    /** What the scenario redeploys, in this order (the script puts the gateways last anyway). */
    private static final List<String> REDEPLOYED = List.of(System.getProperty("sdn.compose.redeploy",
            "registration-service competition-service incubation-service notification-service gateway").trim().split("\\s+"));
    private static final String GATEWAY = System.getProperty("sdn.compose.gateway");
    private static final String KEYCLOAK = System.getProperty("sdn.compose.keycloak", "http://127.0.0.1:8180");
    /** The address browsers use (Keycloak's client lists it as redirect URI): nginx's port on localhost. */
    private static final String BROWSER_ADDRESS = GATEWAY.replace("127.0.0.1", "localhost");
    private static final String ISSUER = "http://localhost:8180/realms/sdn";
    private static final List<String> USERS = List.of("participant-ml", "participant-bf", "participant-ne");
    /** Each person's pace: under the gateway's rate limit per person (100 a minute). */
    private static final Duration PACE = Duration.ofMillis(900);
    /** Days open for registration; each person registers for the next one every {@link #WRITES_PER_DAY} writes. */
    private static final int DAYS = 60;
    /**
     * A new day (a confirmation, an event) every 6th write, about every 16 s per person: events keep being produced
     * through the whole redeploy (which takes 8-15 minutes here), not only in its first seconds; the other writes
     * repeat a registration there is (200, no event).
     */
    private static final int WRITES_PER_DAY = 6;
    private static final List<String> WHOAMI = List.of("/api/registrations/whoami", "/api/competitions/whoami",
            "/api/incubation/whoami", "/api/notifications/whoami");
    private static final String PROFILE = """
            {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""";

    private final Platform platform = new Platform(new Platform.Endpoints(GATEWAY, KEYCLOAK, ISSUER, () -> {
        throw new UnsupportedOperationException("no mailbox reader for the compose platform");
    }));

    @Test
    void each_service_then_each_gateway_redeployed_replica_by_replica_under_load_fails_no_request_and_loses_no_event() throws Exception {
        smoke();
        List<LocalDate> days = openDays();
        for (String user : USERS) {
            Platform.Response profile = platform.putJson(platform.gateway("/api/registrations/participants/me"), platform.tokenOf(user), PROFILE);
            assertThat(profile.status()).as(profile.body()).isBetween(200, 201);
        }
        HttpBrowser browser = new HttpBrowser();
        browser.signIn(BROWSER_ADDRESS, ISSUER, "coordinator-ml");
        System.out.println("== compose scenario: a browser signed in through nginx at " + BROWSER_ADDRESS + " (Keycloak and back)");

        Load load = new Load(days, browser);
        Instant started = Instant.now();
        try {
            load.awaitMore(40);
            rollingRedeploy();
            load.awaitMore(40); // every replica new, both gateways too
        } finally {
            load.stop();
        }
        Duration took = Duration.between(started, Instant.now());
        System.out.printf("== compose scenario: rolling redeploy of %s under load (%d s): %d requests (%d reads, %d keyed writes, %d browser"
                        + " session reads), %d failed %s%n", REDEPLOYED, took.toSeconds(), load.total(), load.reads.get(), load.writes.get(),
                load.browserReads.get(), load.failures.size(), load.failures.stream().limit(20).toList());

        assertThat(load.failures).as("failed requests of %d during the rolling redeploy", load.total()).isEmpty();
        assertThat(load.writes.get()).as("keyed writes sent").isGreaterThanOrEqualTo(30);
        assertThat(load.browserReads.get()).as("reads with the browser's session").isPositive();

        // every registration's event in the person's inbox exactly once (the services skip an event they already handled)
        Map<String, Long> expected = new TreeMap<>();
        load.registeredDays.forEach((user, registered) -> expected.put(user, (long) registered.size()));
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        Map<String, Long> now = confirmations();
                        return now.equals(expected) || !noneAbove(now, expected); // all there, or a duplicate already
                    });
        } catch (ConditionTimeoutException notThere) {
            // the assertion below names both maps; what follows tells a lost event from a late or refused one
            System.out.println("== compose scenario: the confirmations did not match within 2 minutes");
        }
        Map<String, Long> inboxes = confirmations();
        System.out.println("== compose scenario: days registered per person " + expected + ", confirmations in their inboxes " + inboxes);
        if (!inboxes.equals(expected)) {
            explainMismatch(load);
        }
        assertThat(inboxes).as("one confirmation per day registered: none lost, none twice").isEqualTo(expected);
    }

    private void smoke() {
        String token = platform.tokenOf("participant-ne");
        for (String path : WHOAMI) {
            Platform.Response me = platform.get(platform.gateway(path), token);
            assertThat(me.status()).as(path + ": " + me.body()).isEqualTo(200);
            assertThat(me.json().get("country").asString()).isEqualTo("NE");
        }
        assertThat(platform.get(platform.gateway("/api/registrations/whoami"), null).status()).isEqualTo(401);
        CrossServiceEvent.profileCreatedReachesTheInbox(platform, "participant-ne");
        System.out.println("== compose scenario: smoke passed through nginx (sign-in, 4 services, registration → notification event)");
    }

    private List<LocalDate> openDays() {
        String organizer = platform.tokenOf("organizer-ml");
        LocalDate first = LocalDate.of(2035, 3, 5);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = first.plusDays(i);
            Platform.Response opened = platform.putJson(platform.gateway("/api/registrations/attendance/days/" + day), organizer, "{\"capacity\": 50}");
            assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
            days.add(day);
        }
        return days;
    }

    /** docker/rolling-redeploy.sh, as an operator runs it, with the scenario's compose command; its output goes to the log. */
    private static void rollingRedeploy() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "docker/rolling-redeploy.sh"));
        command.addAll(REDEPLOYED);
        ProcessBuilder builder = new ProcessBuilder(command).directory(Compose.repositoryRoot().toFile()).redirectErrorStream(true);
        builder.environment().put("SDN_COMPOSE", Compose.command());
        System.out.println("== compose scenario: SDN_COMPOSE='" + Compose.command() + "' " + String.join(" ", command));
        Process process = builder.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().filter(line -> !line.startsWith("Step ") && !line.startsWith(" --->")).forEach(line -> System.out.println("   " + line));
        }
        assertThat(process.waitFor(60, TimeUnit.MINUTES)).as("the rolling redeploy ends").isTrue();
        assertThat(process.exitValue()).as("exit status of docker/rolling-redeploy.sh").isZero();
    }

    /** Per person, the ATTENDANCE_CONFIRMED items in their inbox. */
    private Map<String, Long> confirmations() {
        Map<String, Long> counts = new TreeMap<>();
        for (String user : USERS) {
            Platform.Response inbox = platform.get(platform.gateway("/api/notifications/me?size=100"), platform.tokenOf(user));
            assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
            long confirmed = 0;
            for (JsonNode item : inbox.json().get("items")) {
                if (item.get("kind").asString().equals("ATTENDANCE_CONFIRMED")) {
                    confirmed++;
                }
            }
            counts.put(user, confirmed);
        }
        return counts;
    }

    /** Each person's registered days against their confirmations, and what each service holds as dead letters. */
    private void explainMismatch(Load load) {
        for (String user : USERS) {
            String token = platform.tokenOf(user);
            System.out.println("== compose scenario: " + user + " registered (answered 2xx) for " + new java.util.TreeSet<>(load.registeredDays.get(user)));
            Platform.Response mine = platform.get(platform.gateway("/api/registrations/attendance/me"), token);
            System.out.println("== compose scenario: " + user + " attendances as registration-service holds them: " + mine.status() + " " + mine.body());
            Platform.Response inbox = platform.get(platform.gateway("/api/notifications/me?size=100"), token);
            for (JsonNode item : inbox.json().get("items")) {
                System.out.println("== compose scenario: " + user + " inbox " + item.get("kind").asString() + " " + item.get("createdAt").asString()
                        + " " + item.get("subject").asString());
            }
        }
        String organizer = platform.tokenOf("organizer-ml");
        for (String service : List.of("registrations", "notifications")) {
            Platform.Response dead = platform.get(platform.gateway("/api/" + service + "/admin/dead-letters"), organizer);
            System.out.println("== compose scenario: " + service + " dead letters: " + dead.status() + " " + dead.body());
        }
    }

    private static boolean noneAbove(Map<String, Long> actual, Map<String, Long> expected) {
        return expected.entrySet().stream().allMatch(e -> actual.getOrDefault(e.getKey(), 0L) <= e.getValue());
    }

    /**
     * The three people through nginx at a steady pace, each on their own schedule: who they are at each of the four
     * services in turn, their attendance, and a registration for one of the days in turn with a new Idempotency-Key
     * (the first for a day confirms it and sends an event; the next ones answer the registration there is); and the
     * signed-in browser reading who it is with its session cookie. Every answer other than 2xx, and every request
     * without an answer, is a failure.
     */
    private final class Load {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final ScheduledExecutorService people = Executors.newScheduledThreadPool(USERS.size() + 1);
        private final AtomicLong reads = new AtomicLong();
        private final AtomicLong writes = new AtomicLong();
        private final AtomicLong browserReads = new AtomicLong();
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();
        /** Per person, the days a registration was answered 2xx for. */
        private final Map<String, Set<LocalDate>> registeredDays = new ConcurrentHashMap<>();

        Load(List<LocalDate> days, HttpBrowser browser) {
            for (String user : USERS) {
                Person person = new Person(user);
                Set<LocalDate> registered = ConcurrentHashMap.newKeySet();
                registeredDays.put(user, registered);
                AtomicInteger turn = new AtomicInteger();
                people.scheduleAtFixedRate(() -> {
                    int n = turn.getAndIncrement();
                    switch (n % 3) {
                        case 0 -> send(reads, () -> person.request(WHOAMI.get((n / 3) % WHOAMI.size())).GET().build(), null);
                        case 1 -> send(reads, () -> person.request("/api/registrations/attendance/me").GET().build(), null);
                        default -> {
                            LocalDate day = days.get((n / 3 / WRITES_PER_DAY) % days.size());
                            send(writes, () -> person.request("/api/registrations/attendance/days/" + day + "/registrations")
                                    .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), () -> registered.add(day));
                        }
                    }
                }, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            people.scheduleAtFixedRate(() -> {
                try {
                    Platform.Response me = browser.get(BROWSER_ADDRESS + "/api/registrations/whoami");
                    if (me.status() != 200 || !me.body().contains("coordinator-ml")) {
                        failures.add("browser GET /api/registrations/whoami " + me.status() + " " + me.body());
                    }
                } catch (RuntimeException e) {
                    failures.add("browser GET /api/registrations/whoami " + e);
                }
                browserReads.incrementAndGet();
            }, 0, 2, TimeUnit.SECONDS);
        }

        private void send(AtomicLong counter, Supplier<HttpRequest> build, Runnable onSuccess) {
            HttpRequest request;
            try {
                request = build.get();
            } catch (RuntimeException e) {
                failures.add("sign-in: " + e.getMessage()); // a task that throws is never run again
                counter.incrementAndGet();
                return;
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    failures.add(request.method() + " " + request.uri().getPath() + " " + response.statusCode() + " " + response.body());
                } else if (onSuccess != null) {
                    onSuccess.run();
                }
            } catch (IOException e) {
                failures.add(request.method() + " " + request.uri().getPath() + " " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            counter.incrementAndGet();
        }

        long total() {
            return reads.get() + writes.get() + browserReads.get();
        }

        void awaitMore(long more) {
            long target = total() + more;
            await().atMost(Duration.ofMinutes(2)).until(() -> total() >= target);
        }

        void stop() throws InterruptedException {
            people.shutdown(); // periodic tasks stop; calls in flight finish and are counted
            assertThat(people.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
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

        synchronized HttpRequest.Builder request(String path) {
            if (Instant.now().isAfter(fetched.plus(Duration.ofMinutes(2)))) {
                token = platform.tokenOf(username);
                fetched = Instant.now();
            }
            return HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json").header("Authorization", "Bearer " + token);
        }
    }
}
