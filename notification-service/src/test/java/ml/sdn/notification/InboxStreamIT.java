package ml.sdn.notification;

import ml.sdn.events.registration.AttendanceConfirmed;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.InboxItem;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The live stream of new inbox items, read by a real HTTP client while events go through the real broker. */
class InboxStreamIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STREAM = "/api/notifications/me/stream";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "sse-reader");
        thread.setDaemon(true);
        return thread;
    });
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Autowired
    MongoTemplate mongo;

    @AfterAll
    static void stopReaders() {
        READERS.shutdownNow();
    }

    @Test
    void a_participant_sees_their_new_notifications_arrive_and_nobody_elses() throws Exception {
        Participant owner = registered(Participant.named("Aminata Traoré", "ML", "fr"));
        Participant other = registered(Participant.named("Hamidou Garba", "NE", "en"));
        String welcome = inboxOf(owner).get(0).id();

        try (EventStream mine = open(owner, null); EventStream theirs = open(other, null)) {
            assertThat(mine.response.statusCode()).isEqualTo(200);
            assertThat(mine.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));

            String attendance = UUID.randomUUID().toString();
            publish(AttendanceConfirmed.TYPE, attendance, new AttendanceConfirmed(attendance, owner.id(), "ML",
                    LocalDate.of(2026, 1, 29), "SDN-S1", Instant.now()));
            await().atMost(WAIT).until(() -> mine.events().stream()
                    .anyMatch(event -> event.path("kind").asString().equals("ATTENDANCE_CONFIRMED")));
            JsonNode confirmed = mine.events().get(0);
            assertThat(confirmed.path("subject").asString()).isEqualTo("Votre place est confirmée pour le jeudi 29 janvier 2026");
            assertThat(confirmed.path("read").asBoolean()).isFalse();
            assertThat(mine.ids()).containsExactly(confirmed.path("id").asString());

            // written by another instance (it consumed the event): this one only finds it in the store
            String elsewhere = ObjectId.get().toHexString();
            mongo.insert(new InboxItem(elsewhere, owner.id(), UUID.randomUUID().toString(), NotificationKind.ATTENDANCE_CANCELLED,
                    "Écrit par une autre instance", "Corps", Instant.now(), null));
            await().atMost(WAIT).until(() -> mine.ids().contains(elsewhere));

            assertThat(mine.ids()).doesNotContain(welcome).hasSize(2);
            assertThat(mine.lines).contains("event:notification");
            // polled in the same rounds as the owner's: none of the owner's items went to the other person
            assertThat(theirs.ids()).isEmpty();
            assertThat(String.join("\n", theirs.lines)).doesNotContain(owner.id()).doesNotContain("Écrit par une autre instance");
        }
    }

    @Test
    void a_reconnection_resumes_after_the_last_event_id_and_a_foreign_one_gives_nothing_away() throws Exception {
        Participant owner = registered(Participant.named("Bintou Kaboré", "BF", "fr"));
        Participant attacker = registered(Participant.named("Intrus", "ML", "fr"));
        InboxItem welcome = inboxOf(owner).get(0);
        String seen = welcome.id();
        // created after the last item the client saw, while it was reconnecting
        String missed = insert(owner, welcome.createdAt().plusMillis(500), "Manqué pendant la reconnexion");

        try (EventStream resumed = open(owner, seen);
             EventStream foreign = open(attacker, seen);
             EventStream garbage = open(attacker, "../../{\"$gt\": \"\"}")) {
            await().atMost(WAIT).until(() -> resumed.ids().contains(missed));
            assertThat(resumed.ids()).containsExactly(missed);

            // several rounds went by: the quiet streams got a heartbeat comment and nothing else
            await().atMost(WAIT).until(() -> foreign.lines.contains(":keep-alive") && garbage.lines.contains(":keep-alive"));
            assertThat(foreign.ids()).isEmpty();
            assertThat(garbage.ids()).isEmpty();
            assertThat(garbage.response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_fourth_stream_of_the_same_person_closes_their_oldest() throws Exception {
        Participant tabs = registered(Participant.named("Onglets Multiples", "ML", "fr"));
        EventStream first = open(tabs, null);
        EventStream second = open(tabs, null);
        EventStream third = open(tabs, null);

        try (first; second; third; EventStream fourth = open(tabs, null)) {
            await().atMost(WAIT).until(first.ended::isDone);
            String item = insert(tabs, Instant.now(), "Pour les onglets ouverts");
            await().atMost(WAIT).until(() -> second.ids().contains(item) && third.ids().contains(item) && fourth.ids().contains(item));
            assertThat(second.ended).isNotDone();
            assertThat(first.ids()).isEmpty();
        }
    }

    @Test
    void without_a_token_the_stream_is_a_401_problem() throws Exception {
        mvc.perform(get(STREAM).header("Accept", "text/event-stream"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get(STREAM).header("Authorization", "Bearer not.a.token"))
                .andExpect(status().isUnauthorized());
    }

    private EventStream open(Participant participant, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + STREAM))
                .header("Authorization", "Bearer " + participant.token())
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        EventStream stream = new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        await().atMost(WAIT).until(() -> stream.lines.contains(":open"));
        return stream;
    }

    /** The lines of one open stream, read as they come by a thread of its own. */
    private static final class EventStream implements AutoCloseable {

        final HttpResponse<Stream<String>> response;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> ended;

        EventStream(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.ended = CompletableFuture.runAsync(() -> {
                try (Stream<String> body = response.body()) {
                    body.forEach(lines::add);
                } catch (RuntimeException closedByTheTest) {
                    // close() below
                }
            }, READERS);
        }

        List<String> ids() {
            return lines.stream().filter(line -> line.startsWith("id:")).map(line -> line.substring(3)).toList();
        }

        List<JsonNode> events() {
            return lines.stream().filter(line -> line.startsWith("data:")).map(line -> JSON.readTree(line.substring(5))).toList();
        }

        @Override
        public void close() {
            response.body().close();
            ended.cancel(true);
        }
    }

    private Participant registered(Participant participant) {
        publish(ParticipantRegistered.TYPE, participant.id(), participant.registered());
        await().atMost(WAIT).until(() -> inboxOf(participant).size() == 1);
        return participant;
    }

    private String insert(Participant participant, Instant createdAt, String subject) {
        String id = ObjectId.get().toHexString();
        mongo.insert(new InboxItem(id, participant.id(), UUID.randomUUID().toString(), NotificationKind.ATTENDANCE_CONFIRMED,
                subject, "Corps", createdAt, null));
        return id;
    }

    private List<InboxItem> inboxOf(Participant participant) {
        return mongo.find(query(where("recipientId").is(participant.id())), InboxItem.class);
    }
}
