package ml.sdn.registration.attendance;

import ml.sdn.registration.RegistrationServiceApplication;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The capacity and the waiting order under real concurrency: many HTTP requests released at the same
 * instant, on one instance and on two instances of the service sharing the store and the broker.
 */
class AttendanceConcurrencyIT extends AttendanceIT {

    @Autowired
    Environment environment;
    @Autowired
    DayLedger ledger;
    @Autowired
    Promotions promotions;

    record Person(String username, String token) {
        String id() {
            return TestIssuer.subjectOf(username);
        }
    }

    @Test
    void many_people_registering_at_once_fill_exactly_the_capacity_and_the_rest_wait_in_distinct_positions() throws Exception {
        LocalDate day = openDay(5);
        List<Person> people = people(40);

        List<ServiceApi.Response> responses = allAtOnce(people, person -> register(person.token(), day));

        assertThat(responses).extracting(ServiceApi.Response::status).containsOnly(201);
        assertThat(responses).filteredOn(r -> r.json().get("status").asString().equals("CONFIRMED")).hasSize(5);
        assertThat(countWithStatus(day, AttendanceStatus.CONFIRMED)).isEqualTo(5);
        assertThat(countWithStatus(day, AttendanceStatus.WAITING)).isEqualTo(35);
        assertThat(dayDocument(day).confirmed()).isEqualTo(5);
        assertThat(dayDocument(day).holdsOrEmpty()).isEmpty();
        assertThat(waitingPositions(people, day)).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 35).boxed().toList());
        assertFirstComeFirstServed(day);
        assertThat(attendances(day, AttendanceStatus.CONFIRMED)).extracting(Attendance::badgeCode).doesNotHaveDuplicates();
    }

    /**
     * The interleaving behind a failure seen in CI (a confirmed sequence 6 while sequence 5 waited), made
     * deterministic: a registration has taken number 1 but is not written yet when the registration with
     * number 2 is written and asks for promotions.
     */
    @Test
    void a_registration_written_before_the_one_ahead_of_it_waits_for_that_one() {
        LocalDate day = openDay(1);
        String ahead = unique("ahead");
        participant(ahead, "ML");
        String joining = UUID.randomUUID().toString();
        assertThat(ledger.join(day, joining, Instant.now())).contains(1L);

        String behind = unique("behind");
        ServiceApi.Response written = register(participant(behind, "NE"), day);

        assertThat(written.status()).isEqualTo(201);
        assertThat(written.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(dayDocument(day).confirmed()).isZero();
        assertThat(dayDocument(day).holdsOrEmpty()).isEmpty();

        // the registration ahead is written now, as Attendances#register does after its number
        String aheadId = UUID.randomUUID().toString();
        mongo.insert(Attendance.waiting(aheadId, TestIssuer.subjectOf(ahead), "ML", day.toString(), 1, Instant.now()));
        ledger.joined(day, joining);
        promotions.promote(day);

        assertThat(attendanceOf(ahead, day).status()).isEqualTo(AttendanceStatus.CONFIRMED);
        assertThat(attendanceOf(behind, day).status()).isEqualTo(AttendanceStatus.WAITING);
        assertThat(dayDocument(day).confirmed()).isEqualTo(1);
        assertThat(dayDocument(day).joiningOrEmpty()).isEmpty();
    }

    /**
     * The registration ahead is slow to be written (a loaded machine: in CI, longer than the 200 ms a
     * registration once waited at most): the one behind it, which gets a place once the one ahead is
     * served, waits for that and answers CONFIRMED, not WAITING followed by a promotion.
     */
    @Test
    void a_registration_behind_a_slow_one_answers_the_place_it_gets_once_that_one_is_written() throws Exception {
        LocalDate day = openDay(2);
        String ahead = unique("slow");
        participant(ahead, "ML");
        String joining = UUID.randomUUID().toString();
        assertThat(ledger.join(day, joining, Instant.now())).contains(1L);

        String behind = unique("behind");
        String behindToken = participant(behind, "NE");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ServiceApi.Response> answer = pool.submit(() -> register(behindToken, day));
            await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(query(where("participantId")
                    .is(TestIssuer.subjectOf(behind)).and("day").is(day.toString())), Attendance.class)
                    && dayDocument(day).joiningOrEmpty().size() == 1);
            Thread.sleep(500); // the registration ahead, still being written: longer than the wait once was

            // the registration ahead is written, then asks for promotions, as Attendances#register does
            mongo.insert(Attendance.waiting(UUID.randomUUID().toString(), TestIssuer.subjectOf(ahead), "ML",
                    day.toString(), 1, Instant.now()));
            ledger.joined(day, joining);
            promotions.promote(day);

            ServiceApi.Response written = answer.get(30, TimeUnit.SECONDS);
            assertThat(written.status()).isEqualTo(201);
            assertThat(written.json().get("status").asString()).isEqualTo("CONFIRMED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(attendanceOf(ahead, day).status()).isEqualTo(AttendanceStatus.CONFIRMED);
        assertThat(attendanceOf(behind, day).status()).isEqualTo(AttendanceStatus.CONFIRMED);
        assertThat(dayDocument(day).confirmed()).isEqualTo(2);
        assertThat(dayDocument(day).holdsOrEmpty()).isEmpty();
    }

    @Test
    void many_cancellations_at_once_each_give_their_place_to_exactly_one_waiting_person_in_order() throws Exception {
        LocalDate day = openDay(6);
        List<Person> holders = people(6);
        List<Person> waiting = people(15);
        holders.forEach(p -> assertThat(register(p.token(), day).json().get("status").asString()).isEqualTo("CONFIRMED"));
        waiting.forEach(p -> assertThat(register(p.token(), day).json().get("status").asString()).isEqualTo("WAITING"));

        List<ServiceApi.Response> responses = allAtOnce(holders, person -> cancel(person.token(), day));

        assertThat(responses).extracting(ServiceApi.Response::status).containsOnly(204);
        List<String> confirmed = attendances(day, AttendanceStatus.CONFIRMED).stream().map(Attendance::participantId).toList();
        assertThat(confirmed).containsExactlyInAnyOrderElementsOf(waiting.subList(0, 6).stream().map(Person::id).toList());
        assertThat(dayDocument(day).confirmed()).isEqualTo(6);
        assertThat(dayDocument(day).holdsOrEmpty()).isEmpty();
        for (int i = 6; i < waiting.size(); i++) {
            assertThat(position(waiting.get(i), day)).as("position of the %d-th in line", i + 1).isEqualTo(i - 5);
        }
    }

    @Test
    void two_instances_registering_and_cancelling_at_once_never_give_one_place_twice_nor_skip_anyone() throws Exception {
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            ServiceApi one = api();
            ServiceApi two = new ServiceApi(second.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            LocalDate day = openDay(7);
            List<Person> people = people(30);

            List<ServiceApi.Response> registrations = allAtOnce(people, person ->
                    (people.indexOf(person) % 2 == 0 ? one : two).post(DAYS + "/" + day + "/registrations", person.token()));

            assertThat(registrations).extracting(ServiceApi.Response::status).containsOnly(201);
            assertThat(countWithStatus(day, AttendanceStatus.CONFIRMED)).isEqualTo(7);
            assertThat(countWithStatus(day, AttendanceStatus.WAITING)).isEqualTo(23);
            assertThat(dayDocument(day).confirmed()).isEqualTo(7);
            assertFirstComeFirstServed(day);
            List<Attendance> firstInLine = attendances(day, AttendanceStatus.WAITING).subList(0, 7);

            // the 7 holders cancel while 10 newcomers register, spread over both instances
            List<String> holders = attendances(day, AttendanceStatus.CONFIRMED).stream().map(Attendance::participantId).toList();
            List<Person> leaving = people.stream().filter(p -> holders.contains(p.id())).toList();
            List<Person> newcomers = people(10);
            List<Person> everyone = new ArrayList<>(leaving);
            everyone.addAll(newcomers);
            List<ServiceApi.Response> moves = allAtOnce(everyone, person -> {
                ServiceApi instance = everyone.indexOf(person) % 2 == 0 ? two : one;
                return leaving.contains(person)
                        ? instance.delete(DAYS + "/" + day + "/registrations/me", person.token())
                        : instance.post(DAYS + "/" + day + "/registrations", person.token());
            });

            assertThat(moves).extracting(ServiceApi.Response::status).containsOnly(204, 201);
            List<Attendance> confirmed = attendances(day, AttendanceStatus.CONFIRMED);
            assertThat(confirmed).extracting(Attendance::id)
                    .containsExactlyInAnyOrderElementsOf(firstInLine.stream().map(Attendance::id).toList());
            assertThat(confirmed).extracting(Attendance::placeRef).doesNotHaveDuplicates();
            assertThat(dayDocument(day).confirmed()).isEqualTo(7);
            assertThat(dayDocument(day).holdsOrEmpty()).isEmpty();
            assertThat(countWithStatus(day, AttendanceStatus.WAITING)).isEqualTo(23 - 7 + 10);
            assertFirstComeFirstServed(day);
        }
    }

    /** Every confirmed attendee came before every waiting one: nobody was skipped. */
    private void assertFirstComeFirstServed(LocalDate day) {
        long lastConfirmed = attendances(day, AttendanceStatus.CONFIRMED).stream().mapToLong(Attendance::sequence).max().orElse(0);
        long firstWaiting = attendances(day, AttendanceStatus.WAITING).stream().mapToLong(Attendance::sequence).min()
                .orElse(Long.MAX_VALUE);
        assertThat(lastConfirmed).isLessThan(firstWaiting);
    }

    private List<Attendance> attendances(LocalDate day, AttendanceStatus status) {
        return mongo.find(query(where("day").is(day.toString()).and("status").is(status)), Attendance.class).stream()
                .sorted(Comparator.comparing(Attendance::sequence)).toList();
    }

    private List<Integer> waitingPositions(List<Person> people, LocalDate day) {
        List<Integer> positions = new ArrayList<>();
        for (Person person : people) {
            Integer position = position(person, day);
            if (position != null) {
                positions.add(position);
            }
        }
        return positions;
    }

    private Integer position(Person person, LocalDate day) {
        for (var item : api().get(ME, person.token()).json()) {
            if (item.get("day").asString().equals(day.toString()) && item.has("position")) {
                return item.get("position").asInt();
            }
        }
        return null;
    }

    private List<Person> people(int count) {
        String[] countries = {"ML", "BF", "NE"};
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username = unique("crowd");
            people.add(new Person(username, participant(username, countries[i % 3])));
        }
        return people;
    }

    /** Runs one request per person, all released at the same instant. */
    private static <T> List<ServiceApi.Response> allAtOnce(List<T> people, Function<T, ServiceApi.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ServiceApi.Response>> futures = new ArrayList<>();
            for (T person : people) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(person);
                }));
            }
            start.countDown();
            List<ServiceApi.Response> responses = new ArrayList<>();
            for (Future<ServiceApi.Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same application on another port, on the same database, broker and token issuer: a second instance. */
    private ConfigurableApplicationContext startSecondInstance() {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        for (String key : List.of("spring.mongodb.uri", "spring.mongodb.database", "spring.kafka.bootstrap-servers",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "sdn.outbox.poll-interval")) {
            args.add("--" + key + "=" + environment.getRequiredProperty(key));
        }
        return new SpringApplicationBuilder(RegistrationServiceApplication.class).run(args.toArray(String[]::new));
    }
}
