package ml.sdn.registration.programme;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.registration.ServiceIT;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProgrammeIT extends ServiceIT {

    static final String SESSIONS = "/api/registrations/programme/sessions";
    static final String AGENDA = "/api/registrations/programme/me/agenda";

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Programme programme;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String organizer() {
        return ISSUER.token(unique("organizer"), "ML", "organizer");
    }

    String participant(String username) {
        String token = ISSUER.token(username, "NE", "participant");
        assertThat(api().put("/api/registrations/participants/me", token, """
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""").status()).isIn(200, 201);
        return token;
    }

    static String session(String room, String start, String end, Integer capacity) {
        return """
                {"titleFr":"Atelier IA et état civil","titleEn":"AI and civil registration workshop","kind":"workshop",
                 "room":"%s","startsAt":"%s","endsAt":"%s",
                 "speakers":[{"name":"Aminata Traoré","organization":"AGETIC"},{"name":"Issa Ouédraogo"}],
                 "capacity":%s}""".formatted(room, start, end, capacity);
    }

    String created(Integer capacity) {
        ServiceApi.Response created = api().postJson(SESSIONS, organizer(),
                session("Salle " + unique("r"), "2026-01-29T10:00", "2026-01-29T11:30", capacity));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void an_organizer_creates_a_session_that_anyone_reads_without_signing_in() {
        String id = created(30);

        ServiceApi.Response one = api().get(SESSIONS + "/" + id, null);
        ServiceApi.Response all = api().get(SESSIONS, null);

        assertThat(one.status()).isEqualTo(200);
        JsonNode session = one.json();
        assertThat(session.get("titleFr").asString()).isEqualTo("Atelier IA et état civil");
        assertThat(session.get("kind").asString()).isEqualTo("WORKSHOP");
        assertThat(session.get("day").asString()).isEqualTo("2026-01-29");
        assertThat(session.get("startsAt").asString()).startsWith("2026-01-29T10:00");
        assertThat(session.get("endsAt").asString()).startsWith("2026-01-29T11:30");
        assertThat(session.get("speakers").get(0).get("organization").asString()).isEqualTo("AGETIC");
        assertThat(session.get("speakers").get(1).get("organization").isNull()).isTrue();
        assertThat(session.get("placesLeft").asInt()).isEqualTo(30);
        assertThat(api().get("/api/registrations/programme/days", null).body())
                .isEqualTo("[\"2026-01-29\",\"2026-01-30\",\"2026-01-31\"]");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().findValuesAsString("id")).contains(id);
    }

    @Test
    void bad_sessions_are_refused_with_every_field_named_at_once() {
        ServiceApi.Response refused = api().postJson(SESSIONS, organizer(), """
                {"titleFr":"","titleEn":"Panel","kind":"keynote","room":"Salle 1",
                 "startsAt":"2026-02-05T10:00","endsAt":"2026-02-05T09:00","capacity":0}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("titleFr", "capacity", "kind", "startsAt", "endsAt");
    }

    @Test
    void a_time_that_is_not_a_time_is_a_400_naming_the_field() {
        ServiceApi.Response refused = api().postJson(SESSIONS, organizer(),
                session("Salle 1", "demain matin", "2026-01-29T11:00", null));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("startsAt");
    }

    @Test
    void a_participant_cannot_create_or_change_a_session_and_a_visitor_cannot_add_one_to_an_agenda() {
        String id = created(5);
        String participant = participant(unique("participant"));

        assertThat(api().postJson(SESSIONS, participant, session("Salle 1", "2026-01-29T10:00", "2026-01-29T11:00", 5))
                .status()).isEqualTo(403);
        assertThat(api().put(SESSIONS + "/" + id, participant, session("Salle 9", "2026-01-29T10:00", "2026-01-29T11:00", 5))
                .status()).isEqualTo(403);
        assertThat(api().postJson(SESSIONS, null, session("Salle 1", "2026-01-29T10:00", "2026-01-29T11:00", 5))
                .status()).isEqualTo(401);
        assertThat(api().post(SESSIONS + "/" + id + "/agenda", null).status()).isEqualTo(401);
        assertThat(api().get(AGENDA, null).status()).isEqualTo(401);
        assertThat(api().get(SESSIONS + "/" + id, null).json().get("room").asString()).doesNotContain("Salle 9");
    }

    @Test
    void places_go_in_order_and_a_freed_place_goes_to_the_first_person_waiting() {
        String id = created(1);
        String first = participant(unique("first"));
        String second = participant(unique("second"));
        String third = participant(unique("third"));

        ServiceApi.Response placed = api().post(SESSIONS + "/" + id + "/agenda", first);
        ServiceApi.Response waiting = api().post(SESSIONS + "/" + id + "/agenda", second);
        api().post(SESSIONS + "/" + id + "/agenda", third);
        ServiceApi.Response again = api().post(SESSIONS + "/" + id + "/agenda", second);

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(waiting.json().get("status").asString()).isEqualTo("WAITING");
        assertThat(waiting.json().get("position").asInt()).isEqualTo(1);
        assertThat(again.status()).isEqualTo(200);

        assertThat(api().delete(SESSIONS + "/" + id + "/agenda/me", first).status()).isEqualTo(204);

        assertThat(agendaOf(second, id).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(agendaOf(third, id).get("position").asInt()).isEqualTo(1);
        assertThat(agendaOf(first, id)).isNull();
        assertThat(api().delete(SESSIONS + "/" + id + "/agenda/me", first).status()).isEqualTo(404);
        JsonNode counts = api().get(SESSIONS + "/" + id, null).json();
        assertThat(counts.get("confirmed").asInt()).isEqualTo(1);
        assertThat(counts.get("waiting").asInt()).isEqualTo(1);
    }

    @Test
    void raising_the_capacity_promotes_and_lowering_it_below_the_places_taken_is_refused() {
        String id = created(1);
        String first = participant(unique("first"));
        String second = participant(unique("second"));
        api().post(SESSIONS + "/" + id + "/agenda", first);
        api().post(SESSIONS + "/" + id + "/agenda", second);

        ServiceApi.Response raised = api().put(SESSIONS + "/" + id, organizer(),
                session("Salle A", "2026-01-29T10:00", "2026-01-29T11:30", 2));
        ServiceApi.Response lowered = api().put(SESSIONS + "/" + id, organizer(),
                session("Salle A", "2026-01-29T10:00", "2026-01-29T11:30", 1));
        ServiceApi.Response removed = api().put(SESSIONS + "/" + id, organizer(),
                session("Salle A", "2026-01-29T10:00", "2026-01-29T11:30", null));

        assertThat(raised.status()).isEqualTo(200);
        assertThat(agendaOf(second, id).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(lowered.status()).isEqualTo(400);
        assertThat(lowered.contentType()).startsWith("application/problem+json");
        assertThat(lowered.json().get("errors").findValuesAsString("field")).containsExactly("capacity");
        assertThat(removed.status()).isEqualTo(400);
        assertThat(removed.json().get("errors").findValuesAsString("field")).containsExactly("capacity");
    }

    @Test
    void a_session_open_to_all_is_not_added_to_an_agenda_and_an_unknown_one_is_404() {
        String open = created(null);
        String participant = participant(unique("participant"));

        assertThat(api().post(SESSIONS + "/" + open + "/agenda", participant).status()).isEqualTo(409);
        assertThat(api().post(SESSIONS + "/no-such-session/agenda", participant).status()).isEqualTo(404);
        assertThat(api().get(SESSIONS + "/no-such-session", null).status()).isEqualTo(404);
    }

    @Test
    void many_people_at_once_never_take_more_places_than_the_capacity() throws Exception {
        String id = created(3);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            people.add(participant(unique("crowd")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<ServiceApi.Response>> answers = new ArrayList<>();
            for (String person : people) {
                answers.add(pool.submit((Callable<ServiceApi.Response>) () -> api().post(SESSIONS + "/" + id + "/agenda", person)));
            }
            for (Future<ServiceApi.Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }

        JsonNode counts = api().get(SESSIONS + "/" + id, null).json();
        assertThat(counts.get("confirmed").asInt()).isEqualTo(3);
        assertThat(counts.get("waiting").asInt()).isEqualTo(7);
    }

    /**
     * From 16:00 Bamako time (GMT) the day before, one SessionReminderDue per session names the people holding a
     * place (not those waiting); later runs and a second instance add nothing; moved to another day, the session
     * is reminded again for its new day. Each run is an instance of its own with a fixed clock.
     */
    @Test
    void the_day_before_the_people_holding_a_place_are_reminded_once_and_again_when_the_session_moves_to_another_day() {
        String id = created(1);
        String holder = unique("holder");
        String waiter = unique("waiter");
        api().post(SESSIONS + "/" + id + "/agenda", participant(holder));
        api().post(SESSIONS + "/" + id + "/agenda", participant(waiter));

        reminders("2026-01-28T15:59:00Z").run();
        assertThat(remindedFor(id)).as("before 16:00").isNull();
        reminders("2026-01-28T16:00:00Z").run();
        reminders("2026-01-28T18:00:00Z").run();
        reminders("2026-01-28T18:00:00Z").run();
        assertThat(remindedFor(id)).isEqualTo("2026-01-29T10:00:00Z");

        List<ConsumerRecord<String, String>> due = awaitEvents(id, "sdn.registration.session-reminder-due.v1", 1);
        assertThat(due).hasSize(1);
        assertThat(due.get(0).value()).contains(TestIssuer.subjectOf(holder), "\"startsAt\":\"2026-01-29T10:00:00Z\"",
                "\"titleFr\":\"Atelier IA et état civil\"").doesNotContain(TestIssuer.subjectOf(waiter));

        String room = api().get(SESSIONS + "/" + id, null).json().get("room").asString();
        assertThat(api().put(SESSIONS + "/" + id, organizer(), session(room, "2026-01-30T15:00", "2026-01-30T16:00", 1))
                .status()).isEqualTo(200);
        reminders("2026-01-29T16:30:00Z").run();
        assertThat(awaitEvents(id, "sdn.registration.session-reminder-due.v1", 2)).hasSize(2)
                .last().extracting(ConsumerRecord::value).asString().contains("\"startsAt\":\"2026-01-30T15:00:00Z\"");
    }

    private SessionReminders reminders(String now) {
        return new SessionReminders(mongo, programme.days(), Clock.fixed(Instant.parse(now), ZoneOffset.UTC),
                LocalTime.of(16, 0), Duration.ofMinutes(1));
    }

    private String remindedFor(String sessionId) {
        Object at = mongo.findById(sessionId, org.bson.Document.class, ProgrammeSession.COLLECTION).get("remindedFor");
        return at == null ? null : ((java.util.Date) at).toInstant().toString();
    }

    @Test
    void moving_a_session_publishes_session_moved_naming_the_people_registered_and_a_new_title_does_not() {
        String id = created(1);
        String holder = unique("holder");
        String waiter = unique("waiter");
        api().post(SESSIONS + "/" + id + "/agenda", participant(holder));
        api().post(SESSIONS + "/" + id + "/agenda", participant(waiter));
        String organizer = organizer();
        String room = api().get(SESSIONS + "/" + id, null).json().get("room").asString();

        assertThat(api().put(SESSIONS + "/" + id, organizer, session(room, "2026-01-29T10:00", "2026-01-29T11:30", 1)
                .replace("Atelier IA", "Atelier : IA")).status()).isEqualTo(200);
        assertThat(api().put(SESSIONS + "/" + id, organizer, session("Salle 2", "2026-01-30T15:00", "2026-01-30T16:00", 1))
                .status()).isEqualTo(200);

        List<ConsumerRecord<String, String>> moved = awaitEvents(id, "sdn.registration.session-moved.v1", 1);
        assertThat(moved).hasSize(1);
        ConsumerRecord<String, String> event = moved.get(0);
        assertThat(event.value()).contains("\"room\":\"Salle 2\"", "\"previousRoom\":\"" + room + "\"",
                "\"startsAt\":\"2026-01-30T15:00:00Z\"", "\"previousStartsAt\":\"2026-01-29T10:00:00Z\"",
                TestIssuer.subjectOf(holder), TestIssuer.subjectOf(waiter), "\"titleEn\":\"AI and civil registration workshop\"");
    }

    @Test
    void an_erased_person_leaves_every_agenda_and_their_place_goes_to_the_first_person_waiting() {
        String id = created(1);
        String leaving = participant(unique("leaving"));
        String waiting = participant(unique("waiting"));
        api().post(SESSIONS + "/" + id + "/agenda", leaving);
        api().post(SESSIONS + "/" + id + "/agenda", waiting);

        assertThat(api().delete("/api/registrations/participants/me", leaving).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(20)).until(() -> agendaOf(waiting, id).get("status").asString().equals("CONFIRMED"));
        JsonNode counts = api().get(SESSIONS + "/" + id, null).json();
        assertThat(counts.get("confirmed").asInt()).isEqualTo(1);
        assertThat(counts.get("waiting").asInt()).isZero();
    }

    @Test
    void a_place_given_from_the_waiting_list_publishes_session_place_given_and_a_place_taken_at_once_does_not() {
        String id = created(1);
        String first = unique("first");
        String second = unique("second");
        String firstToken = participant(first);
        api().post(SESSIONS + "/" + id + "/agenda", firstToken);
        api().post(SESSIONS + "/" + id + "/agenda", participant(second));

        assertThat(api().delete(SESSIONS + "/" + id + "/agenda/me", firstToken).status()).isEqualTo(204);

        List<ConsumerRecord<String, String>> given = awaitEvents(id, "sdn.registration.session-place-given.v1", 1);
        assertThat(given).hasSize(1);
        assertThat(given.get(0).value()).contains("\"participantId\":\"" + TestIssuer.subjectOf(second) + "\"",
                "\"titleFr\":\"Atelier IA et état civil\"", "\"startsAt\":\"2026-01-29T10:00:00Z\"");
    }

    private List<ConsumerRecord<String, String>> awaitEvents(String sessionId, String type, int atLeast) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !consumer.partitionsFor(Topics.REGISTRATION_PROGRAMME).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REGISTRATION_PROGRAMME).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (sessionId.equals(r.key()) && type.equals(typeOf(r))) {
                        seen.add(r);
                    }
                });
                return seen.size() >= atLeast;
            });
            // anything published after it would be there by now: the relay polls every 100 ms
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (sessionId.equals(r.key()) && type.equals(typeOf(r))) {
                    seen.add(r);
                }
            });
            return seen;
        }
    }

    private static String typeOf(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8);
    }

    private JsonNode agendaOf(String token, String sessionId) {
        for (JsonNode entry : api().get(AGENDA, token).json()) {
            if (entry.get("sessionId").asString().equals(sessionId)) {
                return entry;
            }
        }
        return null;
    }
}
