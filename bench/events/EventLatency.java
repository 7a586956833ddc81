import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import ml.sdn.localstack.LocalStack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Event latency through the real stack (bench/events/run.sh starts this): people create their profile
 * (PUT /api/registrations/participants/me through the gateway, each a first registration, so each
 * write sends ParticipantRegistered through the outbox and Kafka) at a fixed rate; notification-service
 * turns each into a "profile created" notice in the person's inbox and an e-mail.
 *
 * <p>Measured per person, from the moment the client has the write's acknowledgement (the 201):
 * to the notice's creation in the inbox (the item's createdAt, stamped just before it is inserted and
 * readable) and to the e-mail's arrival in the SMTP sink (GreenMail's receive time). Both clocks are
 * this machine's. A notice created before the acknowledgement reached the client counts as 0 ms.
 *
 * <p>Arguments: repoRoot portOffset rate seconds. Prints one result line per measure, then
 * "RESULT|…" lines that run.sh writes into bench/README.md.
 */
public class EventLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PASSWORD = "bench-Passw0rd!";
    private static final List<String> COUNTRIES = List.of("ML", "BF", "NE");

    record Person(String username, String email, String country, String language) {
    }

    record Write(long sentNanos, Instant acknowledgedAt, int status, String body) {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Throwable failure) {
            failure.printStackTrace();
            status = 1;
        }
        // the pools' threads would keep the JVM, and with it the whole stack, running after a failure
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath().normalize();
        int offset = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int count = rate * seconds;

        LocalStack stack = LocalStack.builder().repoRoot(repo).dataDir(Path.of(args.length > 4 ? args[4] : "/tmp/sdn-bench-events"))
                .portOffset(offset).reset(true).startupTimeout(Duration.ofMinutes(10)).build();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        stack.start();
        String gateway = stack.gatewayUrl();
        System.out.println("stack ready: gateway " + gateway);

        String admin = adminToken(stack.keycloakUrl());
        // The bench's own throw-away realm copy: cheap password hashes so that 3,000 sign-ins before the
        // measured phase take a minute, and tokens that outlive the run. Nothing of this is measured.
        send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/admin/realms/sdn"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"passwordPolicy\":\"hashAlgorithm(pbkdf2-sha256) and hashIterations(1)\","
                        + "\"accessTokenLifespan\":1800}")).build(), 204);

        List<Person> people = IntStream.range(0, count).mapToObj(i -> new Person("bench-" + i + "-" + System.nanoTime(),
                "bench-" + i + "@bench.example", COUNTRIES.get(i % 3), i % 2 == 0 ? "fr" : "en")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long t0 = System.nanoTime();
        // the master realm's admin tokens live 60 s, less than creating 3,000 users takes on a loaded machine
        AdminToken admins = new AdminToken(stack.keycloakUrl());
        forEach(pool, people, person -> createUser(stack.keycloakUrl(), admins.get(), person));
        System.out.printf("%d users created in %d s%n", count, (System.nanoTime() - t0) / 1_000_000_000L);
        Map<String, String> tokens = new ConcurrentHashMap<>();
        t0 = System.nanoTime();
        forEach(pool, people, person -> tokens.put(person.username(), token(stack.tokenEndpoint(), person.username())));
        System.out.printf("%d tokens in %d s%n", count, (System.nanoTime() - t0) / 1_000_000_000L);

        // ---- measured: the writes at a fixed rate, each acknowledged time recorded
        Map<String, Write> writes = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(count);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long intervalMicros = 1_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Person person = people.get(i);
            clock.schedule(() -> {
                long sent = System.nanoTime();
                HTTP.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/api/registrations/participants/me"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + tokens.get(person.username()))
                                .header("Content-Type", "application/json").header("Accept", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"preferredLanguage\":\"" + person.language()
                                        + "\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}")).build(),
                        HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> {
                            Instant acknowledged = Instant.now();
                            writes.put(person.username(), failure != null ? new Write(sent, acknowledged, -1, failure.toString())
                                    : new Write(sent, acknowledged, response.statusCode(), response.body()));
                            done.countDown();
                        });
            }, i * intervalMicros, TimeUnit.MICROSECONDS);
        }
        done.await(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        clock.shutdown();
        long created = writes.values().stream().filter(w -> w.status() == 201 || w.status() == 200).count();
        Map<Integer, Long> statuses = new TreeMap<>();
        writes.values().forEach(w -> statuses.merge(w.status(), 1L, Long::sum));
        System.out.printf("%d writes in %.1f s (%.1f/s offered %d/s), statuses %s%n", writes.size(), elapsed, writes.size() / elapsed,
                rate, statuses);

        // ---- after the run: each inbox read once its notice is there (or 60 s), then the SMTP sink
        Map<String, Instant> noticeAt = new ConcurrentHashMap<>();
        Instant deadline = Instant.now().plusSeconds(60);
        List<Person> waiting = new ArrayList<>(people.stream().filter(p -> writes.containsKey(p.username())
                && writes.get(p.username()).status() / 100 == 2).toList());
        while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
            forEach(pool, waiting, person -> {
                Instant at = noticeCreatedAt(gateway, tokens.get(person.username()));
                if (at != null) {
                    noticeAt.put(person.username(), at);
                }
            });
            waiting.removeIf(p -> noticeAt.containsKey(p.username()));
            if (!waiting.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        Map<String, Instant> mailAt = new ConcurrentHashMap<>();
        Map<String, String> userByEmail = new ConcurrentHashMap<>();
        people.forEach(p -> userByEmail.put(p.email(), p.username()));
        Instant mailDeadline = Instant.now().plusSeconds(30);
        do {
            for (MimeMessage message : stack.greenMail().getReceivedMessages()) {
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    String user = userByEmail.get(recipient.toString().replaceAll(".*<|>.*", ""));
                    if (user != null && message.getReceivedDate() != null) {
                        mailAt.merge(user, message.getReceivedDate().toInstant(), (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
            }
            if (mailAt.size() < noticeAt.size()) {
                Thread.sleep(1000);
            }
        } while (mailAt.size() < noticeAt.size() && Instant.now().isBefore(mailDeadline));
        pool.shutdown();

        List<Long> inbox = latencies(writes, noticeAt);
        List<Long> mail = latencies(writes, mailAt);
        System.out.println("RESULT|writes|" + writes.size() + "|created|" + created + "|statuses|" + statuses
                + "|rate|" + String.format("%.1f", writes.size() / elapsed));
        System.out.println("RESULT|inbox|" + summary(inbox, created));
        System.out.println("RESULT|email|" + summary(mail, created));
        stack.close();
        System.exit(0);
    }

    private static List<Long> latencies(Map<String, Write> writes, Map<String, Instant> arrivals) {
        List<Long> millis = new ArrayList<>();
        arrivals.forEach((user, at) -> millis.add(Math.max(0, Duration.between(writes.get(user).acknowledgedAt(), at).toMillis())));
        Collections.sort(millis);
        return millis;
    }

    private static String summary(List<Long> sorted, long expected) {
        if (sorted.isEmpty()) {
            return "0 of " + expected + "|p50|-|p99|-|max|-";
        }
        return sorted.size() + " of " + expected + "|p50|" + percentile(sorted, 50) + "|p99|" + percentile(sorted, 99)
                + "|max|" + sorted.get(sorted.size() - 1);
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static Instant noticeCreatedAt(String gateway, String token) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gateway + "/api/notifications/me?size=20"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(), 0);
        if (response.statusCode() != 200) {
            return null;
        }
        try {
            for (JsonNode item : JSON.readTree(response.body()).path("items")) {
                if ("PROFILE_CREATED".equals(item.path("kind").asText())) {
                    return Instant.parse(item.path("createdAt").asText());
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String adminToken(String keycloak) throws Exception {
        HttpResponse<String> response = send(form(keycloak + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin")), 200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /** An admin token, fetched again once it is 30 s old. */
    private static final class AdminToken {
        private final String keycloak;
        private String token;
        private long fetchedAt;

        AdminToken(String keycloak) {
            this.keycloak = keycloak;
        }

        synchronized String get() {
            if (token == null || System.nanoTime() - fetchedAt > 30_000_000_000L) {
                try {
                    token = adminToken(keycloak);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                fetchedAt = System.nanoTime();
            }
            return token;
        }
    }

    private static void createUser(String keycloak, String admin, Person person) {
        String body = "{\"username\":\"" + person.username() + "\",\"email\":\"" + person.email() + "\",\"emailVerified\":true,"
                + "\"enabled\":true,\"firstName\":\"Bench\",\"lastName\":\"Person\",\"attributes\":{\"country\":[\"" + person.country()
                + "\"],\"locale\":[\"" + person.language() + "\"]},\"credentials\":[{\"type\":\"password\",\"value\":\"" + PASSWORD
                + "\",\"temporary\":false}]}";
        send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/sdn/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
    }

    private static String token(String tokenEndpoint, String username) {
        HttpResponse<String> response = send(form(tokenEndpoint, Map.of("grant_type", "password", "client_id", "sdn-cli",
                "username", username, "password", PASSWORD)), 200);
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest form(String url, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    /** Sends; {@code expected} 0 accepts any status, otherwise another status fails the run. */
    private static HttpResponse<String> send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (expected != 0 && response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " → " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    interface Step<T> {
        void run(T item) throws Exception;
    }

    private static <T> void forEach(ExecutorService pool, List<T> items, Step<T> step) throws Exception {
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> {
                step.run(item);
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
    }
}
