package ml.sdn.e2e;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.AttendanceConfirmed;
import ml.sdn.localstack.LocalStack;
import ml.sdn.localstack.ServiceModule;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rolling redeploy of the whole platform under load. Two instances of each of the four services run behind two
 * gateways that balance over them (as {@code ./run-local.sh --replicas all=2} starts them); three people keep
 * sending requests, in turn to each gateway whose readiness probe passed at the last check (every second, as a
 * load balancer with health checks does): reads of every service, and registrations for a new day each time with an
 * Idempotency-Key (each confirmed registration is one AttendanceConfirmed event, relayed by registration-service's
 * outbox and turned into a notice by notification-service). The first instance of every service, the first portal
 * and the first gateway are restarted one after the other (SIGTERM, as an orchestrator stops a container: readiness
 * down while still serving, graceful shutdown; then started and ready), then the second ones, so that each part always
 * keeps one instance serving. One at a time, as {@code docker/rolling-redeploy.sh} does: restarting the six first
 * instances at once starved the two cores so that a portal page built from two services' answers outlasted the
 * gateway's timeout for the portal (504, CI on 32d77eb) — an overload no operator's redeploy makes. Meanwhile a browser signed in as a coordinator keeps reading a participant's page of
 * the portal, which the portals build from registration-service's and competition-service's answers (the portal
 * balances its own calls over their instances), and keeps its session through both gateways.
 * No request may fail, and every acknowledged registration's event must be on the topic exactly once and in the
 * person's inbox exactly once. Then one registration-service instance
 * is killed (SIGKILL) while a fourth person keeps saving their profile (a write without a key, which the gateway
 * never sends twice once an instance had it): only such writes in flight at that instant may fail.
 */
@ExtendWith(RunningPlatform.class)
class RollingRedeployIT {

    private static final int USERS = 3;
    /** Each person's pace: under the gateway's rate limit per person (100 a minute). */
    private static final Duration PACE = Duration.ofMillis(800);
    /**
     * Days opened for the registrations: a person writes one request in three, each for the next day, so 300 days last
     * twelve minutes of load (160 ran out before the gateways' phase on a machine under a load average of 60).
     */
    private static final int DAYS = 300;
    private static final Duration START = Duration.ofMinutes(4);
    private static final List<ServiceModule> SERVICES = List.of(ServiceModule.REGISTRATION, ServiceModule.COMPETITION,
            ServiceModule.INCUBATION, ServiceModule.NOTIFICATION);
    /** The services and, started after them, the portal (whose second instance then calls every instance of them). */
    private static final List<ServiceModule> PARTS = List.of(ServiceModule.REGISTRATION, ServiceModule.COMPETITION,
            ServiceModule.INCUBATION, ServiceModule.NOTIFICATION, ServiceModule.PORTAL);
    /** The page the signed-in coordinator keeps reading (a participant of the delegation): built from two services' answers. */
    private static final String PAGE = "/coordinator/participants/";

    private final LocalStack stack;
    private final Platform platform;

    RollingRedeployIT(LocalStack stack, Platform platform) {
        this.stack = stack;
        this.platform = platform;
    }

    @Test
    void restarting_every_instance_in_turn_fails_no_request_and_loses_no_event_and_a_kill_costs_only_unkeyed_writes_in_flight()
            throws Exception {
        Instant began = Instant.now();
        // the second instance of each service and of the portal, then two gateways balancing over all of them: all boot
        // side by side
        List<LocalStack.Instance> added = new ArrayList<>();
        List<ServiceModule> addedModules = new ArrayList<>();
        try {
            for (ServiceModule service : PARTS) {
                added.add(stack.addReplica(service));
                addedModules.add(service);
            }
            LocalStack.Instance gatewayA = stack.addReplica(ServiceModule.GATEWAY);
            added.add(gatewayA);
            addedModules.add(ServiceModule.GATEWAY);
            LocalStack.Instance gatewayB = stack.addReplica(ServiceModule.GATEWAY);
            added.add(gatewayB);
            addedModules.add(ServiceModule.GATEWAY);

            // meanwhile the days (at registration-service itself: so many would pass the gateway's rate limit) and the people
            LocalDate firstDay = LocalDate.of(2040, 1, 2).plusDays(ThreadLocalRandom.current().nextInt(0, 20_000));
            List<LocalDate> days = new ArrayList<>();
            String organizer = platform.tokenOf("organizer-ml");
            for (int i = 0; i < DAYS; i++) {
                LocalDate day = firstDay.plusDays(i);
                Platform.Response opened = platform.putJson(stack.serviceUrl(ServiceModule.REGISTRATION)
                        + "/api/registrations/attendance/days/" + day, organizer, "{\"capacity\": 50}");
                assertThat(opened.status()).as(opened.body()).isBetween(200, 201);
                days.add(day);
            }
            List<Person> people = new ArrayList<>();
            for (int i = 0; i <= USERS; i++) {
                people.add(registeredPerson());
            }
            HttpBrowser browser = new HttpBrowser();
            browser.signIn(platform.gateway(""), platform.issuerUri(), "coordinator-ml");

            for (LocalStack.Instance instance : added) {
                instance.awaitReady(START);
            }
            List<String> gateways = List.of(gatewayUrl(gatewayA), gatewayUrl(gatewayB));
            Duration setUp = Duration.between(began, Instant.now());

            Load rolling = new Load("warm-up", gateways, people.subList(0, USERS), null, browser, PAGE + people.get(0).id(), days);
            rolling.awaitMore(USERS * 2);
            Map<String, Duration> took = new LinkedHashMap<>();
            // No wait between two stops beyond the restarted instances' readiness: a stopping instance stays unready
            // for two seconds while it still serves (sdn.shutdown.unready-delay), two rounds of the gateways' and the
            // portals' checks, which see the instance started before it back in that time (ReplicasIT, BalancedCallsTest).
            // The first portal, started with the stack, starts again with the addresses of both instances of each service.
            for (int instance = 1; instance <= 2; instance++) {
                String phase = instance == 1 ? "first instances" : "second instances";
                Instant phaseBegan = Instant.now();
                rolling.phase(phase);
                int which = instance;
                LocalStack.Instance gateway = instance == 1 ? gatewayA : gatewayB;
                List<LocalStack.Instance> restarted = new ArrayList<>(PARTS.stream().map(part -> stack.instance(part, which)).toList());
                restarted.add(gateway);
                restarted.forEach(part -> part.restart(START));
                took.put(phase, Duration.between(phaseBegan, Instant.now()));
                for (String url : gateways) {
                    Platform.Response me = browser.get(url + "/api/registrations/whoami");
                    assertThat(me.status()).as("the browser's session through %s after %s restarted: %s", url, gateway.name(),
                            me.body()).isEqualTo(200);
                    assertThat(me.json().get("username").asString()).isEqualTo("coordinator-ml");
                }
            }
            Map<String, Load.Counts> redeploy = rolling.stop();

            redeploy.forEach((phase, counts) -> System.out.printf(
                    "RollingRedeployIT: %-20s %4d requests (%d keyed writes, %d portal pages), %d failed, %d refused by a"
                            + " gateway and sent to the other, %d broken and sent again, %d s%n",
                    phase, counts.total(), counts.keyed(), counts.pages(), counts.failures().size(), counts.refused(),
                    counts.broken(), took.getOrDefault(phase, Duration.ZERO).toSeconds()));
            for (String phase : took.keySet()) {
                assertThat(redeploy).containsKey(phase);
                assertThat(redeploy.get(phase).total()).as("requests while %s was redeployed", phase).isGreaterThanOrEqualTo(USERS * 4);
                assertThat(redeploy.get(phase).keyed()).as("keyed writes while %s was redeployed", phase).isPositive();
                assertThat(redeploy.get(phase).pages()).as("portal pages read while %s was redeployed", phase).isPositive();
            }
            redeploy.forEach((phase, counts) -> assertThat(counts.failures())
                    .as("failed requests of %d while %s was redeployed", counts.total(), phase).isEmpty());

            // every acknowledged registration: one event on the topic, one notice in the person's inbox
            Instant eventsBegan = Instant.now();
            Map<String, Set<LocalDate>> acknowledged = rolling.acknowledged();
            Map<String, String> ids = new HashMap<>();
            for (Person person : people.subList(0, USERS)) {
                ids.put(person.id(), person.username);
            }
            Map<String, Map<LocalDate, Integer>> published = new HashMap<>();
            try (KafkaConsumer<String, String> consumer = attendanceTopic()) {
                await().atMost(Duration.ofMinutes(2)).until(() -> {
                    readConfirmations(consumer, ids, published);
                    return acknowledged.entrySet().stream().allMatch(entry ->
                            published.getOrDefault(entry.getKey(), Map.of()).keySet().containsAll(entry.getValue()));
                });
            }
            for (Person person : people.subList(0, USERS)) {
                Set<LocalDate> written = acknowledged.getOrDefault(person.username, Set.of());
                assertThat(published.getOrDefault(person.username, Map.of()))
                        .as("AttendanceConfirmed events of %s per day (each acknowledged registration once)", person.username)
                        .isEqualTo(written.stream().collect(java.util.stream.Collectors.toMap(day -> day, day -> 1)));
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> confirmedNotices(person).size() >= written.size());
                List<String> notices = confirmedNotices(person);
                assertThat(notices).as("notices of %s's confirmed registrations", person.username).hasSize(written.size())
                        .doesNotHaveDuplicates();
            }
            long events = acknowledged.values().stream().mapToLong(Set::size).sum();
            Duration eventsTook = Duration.between(eventsBegan, Instant.now());

            // SIGKILL: only the unkeyed writes in flight on the killed instance may fail
            Load killing = new Load("SIGKILL", gateways, people.subList(0, USERS), people.get(USERS), null, null, days);
            killing.awaitMore(USERS * 3);
            LocalStack.Instance killed = stack.instance(ServiceModule.REGISTRATION, 2);
            long killFrom = System.nanoTime();
            killed.kill();
            long killTo = System.nanoTime();
            killing.awaitMore(USERS * 3);
            killed.start(START);
            killing.awaitMore(USERS * 3);
            Map<String, Load.Counts> kill = killing.stop();
            Load.Counts around = kill.get("SIGKILL");
            long inFlight = killing.unkeyedInFlightBetween(killFrom, killTo);

            System.out.printf("RollingRedeployIT: set-up %d s; %d acknowledged registrations, each event once on the topic and"
                            + " once in an inbox (waited %d s); SIGKILL: %d requests (%d unkeyed writes, %d of them in flight at the"
                            + " kill), %d failed %s; in all %d s%n",
                    setUp.toSeconds(), events, eventsTook.toSeconds(), around.total(), around.unkeyed(), inFlight,
                    around.failures().size(), around.failures(), Duration.between(began, Instant.now()).toSeconds());
            assertThat(events).isGreaterThan(0);
            assertThat(around.failures()).as("failed requests of %d around the SIGKILL: only unkeyed writes in flight at that instant",
                    around.total()).allSatisfy(failure -> assertThat(failure).startsWith("unkeyed"))
                    .hasSizeLessThanOrEqualTo((int) inFlight);
        } finally {
            // the other test classes of this JVM run with one instance of each again
            for (int i = addedModules.size() - 1; i >= 0; i--) {
                stack.removeReplica(addedModules.get(i));
            }
        }
    }


    /** A gateway instance's address as browsers use it (localhost, so the session cookie goes to every instance). */
    private String gatewayUrl(LocalStack.Instance gateway) {
        return platform.gateway("").replaceFirst(":\\d+$", gateway.url().substring(gateway.url().lastIndexOf(':')));
    }

    /** A new participant with a profile (the demo users' data stays as other tests expect it). */
    private Person registeredPerson() {
        String username = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Platform.Response admin = platform.postForm(platform.keycloak("/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"), null);
        String adminToken = admin.json().get("access_token").asString();
        Platform.Response created = platform.postJson(platform.keycloak("/admin/realms/sdn/users"), adminToken, """
                {"username":"%s","email":"%s@example.org","emailVerified":true,"firstName":"Aminata","lastName":"Diallo",
                 "enabled":true,"attributes":{"country":["ML"]},"credentials":[%s]}"""
                .formatted(username, username, Platform.demoPasswordCredential()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Person person = new Person(username);
        Platform.Response profile = platform.putJson(platform.gateway("/api/registrations/participants/me"), person.token(), PROFILE);
        assertThat(profile.status()).as(profile.body()).isEqualTo(201);
        return person;
    }

    private static final String PROFILE = """
            {"gender":"FEMALE","preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""";

    /** The person's inbox items about a confirmed place (one per registration), as subject and body; asked of the service itself. */
    private List<String> confirmedNotices(Person person) {
        List<String> notices = new ArrayList<>();
        for (int page = 0; ; page++) {
            Platform.Response inbox = platform.get(stack.serviceUrl(ServiceModule.NOTIFICATION) + "/api/notifications/me?size=100&page="
                    + page, person.token());
            assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
            JsonNode items = inbox.json().get("items");
            for (JsonNode item : items) {
                if (item.get("kind").asString().equals("ATTENDANCE_CONFIRMED")) {
                    notices.add(item.get("subject").asString() + " / " + item.get("body").asString());
                }
            }
            if (items.size() < 100) {
                return notices;
            }
        }
    }

    private KafkaConsumer<String, String> attendanceTopic() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REGISTRATION_ATTENDANCE).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Counts, per person and day, the distinct AttendanceConfirmed events (by CloudEvent id) of the given participants. */
    private static void readConfirmations(KafkaConsumer<String, String> consumer, Map<String, String> usernamesById,
                                          Map<String, Map<LocalDate, Integer>> published) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (!AttendanceConfirmed.TYPE.type().equals(header(record, CloudEventHeaders.TYPE))) {
                continue;
            }
            JsonNode event = Platform.JSON.readTree(record.value());
            String username = usernamesById.get(event.get("participantId").asString());
            if (username != null) {
                published.computeIfAbsent(username, any -> new HashMap<>())
                        .merge(LocalDate.parse(event.get("day").asString()), 1, Integer::sum);
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * People sending requests at a steady pace, each on their own schedule, to the gateways in turn, skipping a gateway
     * whose readiness probe failed at the last check (every second; all of them when none passed), as a load balancer
     * with health checks does: reads of each service, and registrations for the next day with a new Idempotency-Key;
     * and, if {@code unkeyedWriter} is given, that person saving their profile again and again (a PUT without a key);
     * and, if {@code pageReader} is given, that signed-in browser reading {@code page} of the portal.
     * A request whose connection a gateway refused goes to the other (nginx's proxy_next_upstream, compose's balancer,
     * which has no health checks), and a GET or keyed write whose connection broke is sent once more to the other (the
     * gateway's own rule): both are counted per phase. Every answer other than 2xx, and every request without an
     * answer, is a failure of the phase it began in.
     */
    private final class Load {

        record Counts(long total, long keyed, long unkeyed, long pages, long refused, long broken, List<String> failures) {
        }

        private static final class Phase {
            final AtomicLong total = new AtomicLong();
            final AtomicLong keyed = new AtomicLong();
            final AtomicLong unkeyed = new AtomicLong();
            final AtomicLong pages = new AtomicLong();
            final AtomicLong refused = new AtomicLong();
            final AtomicLong broken = new AtomicLong();
            final Queue<String> failures = new ConcurrentLinkedQueue<>();
        }

        private record Flight(long from, long to) {
        }

        private final List<String> gateways;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final ScheduledExecutorService people = Executors.newScheduledThreadPool(USERS + 2);
        private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor();
        private final Set<String> unready = ConcurrentHashMap.newKeySet();
        private final AtomicInteger nextGateway = new AtomicInteger();
        private final AtomicLong answered = new AtomicLong();
        private final Map<String, Phase> phases = new ConcurrentHashMap<>();
        private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile String phase;
        private final Map<String, Set<LocalDate>> acknowledged = new ConcurrentHashMap<>();
        private final Queue<Flight> unkeyedFlights = new ConcurrentLinkedQueue<>();

        Load(String firstPhase, List<String> gateways, List<Person> readersAndWriters, Person unkeyedWriter,
             HttpBrowser pageReader, String page, List<LocalDate> days) {
            this.gateways = gateways;
            phase(firstPhase);
            checks.scheduleWithFixedDelay(this::checkGateways, 0, 1, TimeUnit.SECONDS);
            for (Person person : readersAndWriters) {
                AtomicInteger turn = new AtomicInteger();
                AtomicInteger day = new AtomicInteger();
                people.scheduleAtFixedRate(() -> {
                    int kind = turn.getAndIncrement() % 6;
                    switch (kind) {
                        case 0 -> read(person, "/api/registrations/attendance/me");
                        case 1 -> read(person, "/api/competitions/whoami");
                        case 2, 5 -> register(person, days, day);
                        case 3 -> read(person, "/api/incubation/whoami");
                        default -> read(person, "/api/notifications/me?size=1");
                    }
                }, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (unkeyedWriter != null) {
                people.scheduleAtFixedRate(() -> {
                    long from = System.nanoTime();
                    send(base -> unkeyedWriter.request(base + "/api/registrations/participants/me")
                            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(PROFILE)).build(),
                            Kind.UNKEYED, api);
                    unkeyedFlights.add(new Flight(from, System.nanoTime()));
                }, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (pageReader != null) {
                people.scheduleAtFixedRate(() -> send(base -> HttpRequest.newBuilder(URI.create(base + page))
                        .timeout(Duration.ofSeconds(30)).header("Accept", "text/html").GET().build(), Kind.PAGE,
                        pageReader::exchange), 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        /** Each gateway's readiness probe, one second to answer; a gateway that fails it gets no new request until it passes. */
        private void checkGateways() {
            for (String gateway : gateways) {
                boolean ready;
                try {
                    ready = http.send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    ready = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (ready) {
                    unready.remove(gateway);
                } else {
                    unready.add(gateway);
                }
            }
        }

        /** The gateways in the order to try them: from the next ready one in turn, the unready ones last. */
        private List<String> inTurn() {
            int first = Math.floorMod(nextGateway.getAndIncrement(), gateways.size());
            List<String> ready = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (int i = 0; i < gateways.size(); i++) {
                String gateway = gateways.get((first + i) % gateways.size());
                (unready.contains(gateway) ? others : ready).add(gateway);
            }
            ready.addAll(others);
            return ready;
        }

        private void read(Person person, String path) {
            send(base -> person.request(base + path).GET().build(), Kind.READ, api);
        }

        private void register(Person person, List<LocalDate> days, AtomicInteger next) {
            if (next.get() >= days.size()) {
                read(person, "/api/registrations/whoami");
                return;
            }
            LocalDate day = days.get(next.getAndIncrement());
            String key = UUID.randomUUID().toString();
            if (send(base -> person.request(base + "/api/registrations/attendance/days/" + day + "/registrations")
                    .header("Idempotency-Key", key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), Kind.KEYED, api)) {
                acknowledged.computeIfAbsent(person.username, any -> ConcurrentHashMap.newKeySet()).add(day);
            }
        }

        private enum Kind { READ, KEYED, UNKEYED, PAGE }

        /** How a request is sent: the people's API client, or the signed-in browser with its cookies. */
        private interface Exchange {
            HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException;
        }

        private final Exchange api = request -> http.send(request, HttpResponse.BodyHandlers.ofString());

        /** True when answered 2xx. */
        private boolean send(Function<String, HttpRequest> build, Kind kind, Exchange exchange) {
            Phase counts = phases.computeIfAbsent(phase, any -> new Phase());
            String label = kind == Kind.UNKEYED ? "unkeyed " : "";
            counts.total.incrementAndGet();
            if (kind == Kind.KEYED) {
                counts.keyed.incrementAndGet();
            } else if (kind == Kind.UNKEYED) {
                counts.unkeyed.incrementAndGet();
            } else if (kind == Kind.PAGE) {
                counts.pages.incrementAndGet();
            }
            List<String> order = inTurn();
            HttpRequest request = null;
            try {
                for (int attempt = 0; ; attempt++) {
                    request = build.apply(order.get(attempt % order.size()));
                    try {
                        HttpResponse<String> response = exchange.send(request);
                        if (response.statusCode() / 100 == 2) {
                            return true;
                        }
                        counts.failures.add(label + request.method() + " " + request.uri().getPath() + " " + response.statusCode()
                                + " " + abbreviated(response.body()));
                        return false;
                    } catch (IOException e) {
                        boolean neverSent = e instanceof ConnectException;
                        if (attempt == 0 && (neverSent || kind != Kind.UNKEYED)) {
                            (neverSent ? counts.refused : counts.broken).incrementAndGet();
                            continue;
                        }
                        counts.failures.add(label + request.method() + " " + request.uri() + " " + e);
                        return false;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (RuntimeException e) {
                // a task that throws is never run again: count it and keep the person going
                counts.failures.add(label + (request == null ? "sign-in" : request.uri().getPath()) + ": " + e);
                return false;
            } finally {
                answered.incrementAndGet();
            }
        }

        /** A failed page is a whole HTML document: its start says enough. */
        private static String abbreviated(String body) {
            return body.length() <= 300 ? body : body.substring(0, 300) + "…";
        }

        void phase(String name) {
            phases.computeIfAbsent(name, any -> new Phase());
            order.add(name);
            phase = name;
        }

        void awaitMore(long more) {
            long target = answered.get() + more;
            await().atMost(Duration.ofMinutes(2)).until(() -> answered.get() >= target);
        }

        Map<String, Set<LocalDate>> acknowledged() {
            return acknowledged;
        }

        /** The unkeyed writes sent before {@code to} and answered (or failed) after {@code from}. */
        long unkeyedInFlightBetween(long from, long to) {
            return unkeyedFlights.stream().filter(flight -> flight.from() <= to && flight.to() >= from).count();
        }

        Map<String, Counts> stop() throws InterruptedException {
            people.shutdown();
            assertThat(people.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            checks.shutdownNow();
            Map<String, Counts> counts = new LinkedHashMap<>();
            for (String name : order) {
                Phase p = phases.computeIfAbsent(name, any -> new Phase());
                counts.put(name, new Counts(p.total.get(), p.keyed.get(), p.unkeyed.get(), p.pages.get(), p.refused.get(), p.broken.get(),
                        List.copyOf(p.failures)));
            }
            return counts;
        }
    }

    /** A person's access token, fetched again well before Keycloak's five minutes run out. */
    private final class Person {

        private final String username;
        private String token;
        private String id;
        private Instant fetched = Instant.EPOCH;

        Person(String username) {
            this.username = username;
        }

        synchronized String token() {
            if (Instant.now().isAfter(fetched.plus(Duration.ofMinutes(2)))) {
                token = platform.tokenOf(username);
                fetched = Instant.now();
            }
            return token;
        }

        /** The participant id events carry: the token's subject. */
        synchronized String id() {
            if (id == null) {
                id = Platform.claimsOf(token()).get("sub").asString();
            }
            return id;
        }

        HttpRequest.Builder request(String url) {
            return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json").header("Authorization", "Bearer " + token());
        }
    }
}
