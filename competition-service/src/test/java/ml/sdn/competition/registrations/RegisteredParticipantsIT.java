package ml.sdn.competition.registrations;

import ml.sdn.testing.ServiceApi;
import ml.sdn.competition.ServiceIT;
import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantDelegationChanged;
import ml.sdn.events.registration.ParticipantErased;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Registration events, produced for real to the embedded broker, into competition's own copy. */
class RegisteredParticipantsIT extends ServiceIT {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RegisteredParticipants participants;

    @Test
    void a_registered_participant_lands_in_the_local_copy_with_their_country() {
        String id = UUID.randomUUID().toString();

        send(id, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(), registered(id, "NE", Instant.now()));

        RegisteredParticipant copy = await().atMost(Duration.ofSeconds(20))
                .until(() -> participants.find(id).orElse(null), p -> p != null);
        assertThat(copy.country()).isEqualTo("NE");
        assertThat(copy.displayName()).isEqualTo("Aïcha " + id.substring(0, 4));
        assertThat(copy.preferredLanguage()).isEqualTo("fr");
    }

    @Test
    void the_same_event_delivered_twice_leaves_one_document() {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String payload = registered(id, "BF", Instant.now());

        send(id, eventId, ParticipantRegistered.TYPE.type(), payload);
        send(id, eventId, ParticipantRegistered.TYPE.type(), payload);
        String marker = UUID.randomUUID().toString();
        send(marker, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(), registered(marker, "ML", Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> participants.find(marker).isPresent() && participants.find(id).isPresent());
        assertThat(mongo.count(new Query(Criteria.where("_id").is(id)), RegisteredParticipant.COLLECTION)).isEqualTo(1);
        assertThat(participants.find(id).orElseThrow().country()).isEqualTo("BF");
    }

    @Test
    void an_older_event_delivered_late_does_not_undo_a_newer_one() {
        String id = UUID.randomUUID().toString();
        Instant registeredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Instant updatedAt = registeredAt.plus(10, ChronoUnit.MINUTES);

        // everything on one partition, so once the marker is applied the events before it have been handled
        send(0, id, UUID.randomUUID().toString(), ParticipantProfileUpdated.TYPE.type(), """
                {"participantId":"%s","username":"u","displayName":"Updated","email":"u@demo.sdn.ml","country":"ML",\
                "preferredLanguage":"en","registeredAt":"%s","updatedAt":"%s"}""".formatted(id, registeredAt, updatedAt));
        send(0, id, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(), registered(id, "NE", registeredAt));
        send(0, id, UUID.randomUUID().toString(), "sdn.registration.some-future-event.v9", "{\"participantId\":\"" + id + "\"}");
        String marker = UUID.randomUUID().toString();
        send(0, marker, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(), registered(marker, "ML", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> participants.find(marker).isPresent());

        RegisteredParticipant copy = participants.find(id).orElseThrow();
        assertThat(copy.country()).isEqualTo("ML");
        assertThat(copy.preferredLanguage()).isEqualTo("en");
        assertThat(copy.displayName()).isEqualTo("Updated");
        assertThat(deadLettersFor(id)).isEmpty(); // the unknown type was ignored, not dead-lettered
    }

    @Test
    void an_organizers_move_to_another_delegation_is_followed_once_and_an_older_move_redelivered_changes_nothing() {
        String id = UUID.randomUUID().toString();
        Instant registeredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Instant firstMove = registeredAt.plus(10, ChronoUnit.MINUTES);
        Instant secondMove = registeredAt.plus(20, ChronoUnit.MINUTES);
        String toBurkina = moved(id, "ML", "BF", firstMove);

        send(0, id, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(), registered(id, "ML", registeredAt));
        String eventId = UUID.randomUUID().toString();
        send(0, id, eventId, ParticipantDelegationChanged.TYPE.type(), toBurkina);
        send(0, id, UUID.randomUUID().toString(), ParticipantDelegationChanged.TYPE.type(), moved(id, "BF", "NE", secondMove));
        send(0, id, eventId, ParticipantDelegationChanged.TYPE.type(), toBurkina);
        String marker = UUID.randomUUID().toString();
        send(0, marker, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(), registered(marker, "ML", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> participants.find(marker).isPresent());

        RegisteredParticipant copy = participants.find(id).orElseThrow();
        assertThat(copy.country()).isEqualTo("NE");
        assertThat(copy.displayName()).as("only the country moves").isEqualTo("Aïcha " + id.substring(0, 4));
        assertThat(deadLettersFor(id)).isEmpty();
    }

    private static String moved(String id, String from, String to, Instant changedAt) {
        return """
                {"participantId":"%s","previousCountry":"%s","country":"%s","reason":"Transfert","changedBy":"sub-org",\
                "changedAt":"%s"}""".formatted(id, from, to, changedAt);
    }

    @Test
    void the_copy_keeps_phone_city_and_gender_the_events_carry() {
        String id = UUID.randomUUID().toString();

        send(id, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(), fullProfile(id, Instant.now(), "Mariam Sangaré"));

        RegisteredParticipant copy = await().atMost(Duration.ofSeconds(20))
                .until(() -> participants.find(id).orElse(null), p -> p != null);
        assertThat(copy.phone()).isEqualTo("+22370000000");
        assertThat(copy.city()).isEqualTo("Kayes");
        assertThat(copy.gender()).isEqualTo("FEMALE");
        assertThat(copy.username()).isEqualTo("mariam");
        assertThat(copy.email()).isEqualTo("mariam@demo.sdn.ml");
        assertThat(copy.erased()).isFalse();
    }

    @Test
    void an_erased_participant_keeps_only_id_and_country_and_an_older_update_delivered_later_does_not_bring_the_data_back() {
        String id = UUID.randomUUID().toString();
        Instant registeredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Instant erasedAt = registeredAt.plus(30, ChronoUnit.MINUTES);
        String erasure = UUID.randomUUID().toString();

        // one partition: once the marker is applied, everything sent before it has been handled
        send(0, id, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(), fullProfile(id, registeredAt, "Mariam Sangaré"));
        send(0, id, erasure, ParticipantErased.TYPE.type(), erased(id, erasedAt));
        // produced before the erasure, delivered after it (a replay, or a slow instance)
        send(0, id, UUID.randomUUID().toString(), ParticipantProfileUpdated.TYPE.type(),
                updatedProfile(id, registeredAt, erasedAt.minus(1, ChronoUnit.MINUTES), "Mariam S."));
        // the erasure redelivered
        send(0, id, erasure, ParticipantErased.TYPE.type(), erased(id, erasedAt));
        String marker = UUID.randomUUID().toString();
        send(0, marker, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(), registered(marker, "ML", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> participants.find(marker).isPresent());

        RegisteredParticipant copy = participants.find(id).orElseThrow();
        assertThat(copy).isEqualTo(new RegisteredParticipant(id, "ML", null, null, null, null, null, null, null,
                erasedAt, erasedAt));
        Document stored = mongo.findById(id, Document.class, RegisteredParticipant.COLLECTION);
        assertThat(stored.keySet()).filteredOn(field -> !field.equals("_class"))
                .containsExactlyInAnyOrder("_id", "country", "asOf", "erasedAt");
        assertThat(deadLettersFor(id)).isEmpty();
    }

    @Test
    void an_erasure_arriving_before_any_profile_leaves_an_erased_stub_older_profiles_cannot_fill() {
        String id = UUID.randomUUID().toString();
        Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        send(0, id, UUID.randomUUID().toString(), ParticipantErased.TYPE.type(), erased(id, erasedAt));
        send(0, id, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(),
                fullProfile(id, erasedAt.minus(1, ChronoUnit.DAYS), "Mariam Sangaré"));
        String marker = UUID.randomUUID().toString();
        send(0, marker, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(), registered(marker, "ML", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> participants.find(marker).isPresent());

        RegisteredParticipant copy = participants.find(id).orElseThrow();
        assertThat(copy.erasedAt()).isEqualTo(erasedAt);
        assertThat(copy.displayName()).isNull();
        assertThat(copy.email()).isNull();
    }

    @Test
    void a_profile_registered_again_after_the_erasure_is_a_new_profile_and_is_kept() {
        String id = UUID.randomUUID().toString();
        Instant erasedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

        send(0, id, UUID.randomUUID().toString(), ParticipantErased.TYPE.type(), erased(id, erasedAt));
        send(0, id, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(),
                fullProfile(id, erasedAt.plus(5, ChronoUnit.MINUTES), "Mariam Sangaré"));

        RegisteredParticipant copy = await().atMost(Duration.ofSeconds(20))
                .until(() -> participants.find(id).orElse(null), p -> p != null && p.displayName() != null);
        assertThat(copy.erased()).isFalse();
        assertThat(copy.email()).isEqualTo("mariam@demo.sdn.ml");
    }

    @Test
    void a_poison_record_goes_to_the_dead_letters_the_consumer_keeps_going_and_an_organizer_can_replay_it() {
        String poisonKey = "poison-" + UUID.randomUUID();
        String poisonEventId = UUID.randomUUID().toString();
        send(poisonKey, poisonEventId, ParticipantRegistered.TYPE.type(), "{\"participantId\": \"broken");
        String good = UUID.randomUUID().toString();
        send(good, UUID.randomUUID().toString(), ParticipantRegistered.TYPE.type(), registered(good, "ML", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> participants.find(good).isPresent());
        Document deadLetter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLettersFor(poisonKey).stream().findFirst().orElse(null),
                d -> d != null);
        assertThat(deadLetter.getString("originalTopic")).isEqualTo(Topics.REGISTRATION_PARTICIPANTS);
        // on this consumer group's own DLT, which no other service reads (id = <dlt>-<partition>-<offset>)
        assertThat(deadLetter.getString("_id")).startsWith("registration.participants.competition-service.DLT-");
        assertThat(deadLetter.getString("eventType")).isEqualTo(ParticipantRegistered.TYPE.type());
        assertThat(deadLetter.getString("exceptionClass")).contains("DeserializationException");

        String organizer = ISSUER.token("organizer-ml", "ML", "organizer");
        ServiceApi.Response list = api().get("/api/competitions/admin/dead-letters?size=200", organizer);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").findValuesAsString("key")).contains(poisonKey);

        ServiceApi.Response replayed = api().post("/api/competitions/admin/dead-letters/" + deadLetter.getString("_id") + "/replay", organizer);
        assertThat(replayed.status()).isEqualTo(200);
        JsonNode body = replayed.json();
        assertThat(body.get("replayCount").asInt()).isEqualTo(1);
        assertThat(body.get("replayedAt").isNull()).isFalse();
        // the replayed record is the same record (same ce_id), still unreadable, so it comes back as a second dead letter
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Document> letters = deadLettersFor(poisonKey);
            assertThat(letters).hasSize(2);
            assertThat(letters).extracting(d -> ceId(d)).containsOnly(poisonEventId);
        });
    }

    @Test
    void a_participant_cannot_replay_a_dead_letter() {
        ServiceApi.Response response = api().post("/api/competitions/admin/dead-letters/anything/replay",
                ISSUER.token("participant-ml", "ML", "participant"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void replaying_an_unknown_dead_letter_is_a_404_problem() {
        ServiceApi.Response response = api().post("/api/competitions/admin/dead-letters/nope/replay",
                ISSUER.token("organizer-ml", "ML", "organizer"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_replay_the_broker_does_not_take_is_a_503_problem_and_can_be_tried_again() {
        String id = "probe-" + UUID.randomUUID();
        // its topic does not exist and the broker does not create topics: the send fails
        mongo.insert(deadLetter(id, "nowhere-" + UUID.randomUUID(), null), "dead_letters");

        ServiceApi.Response response = api().post("/api/competitions/admin/dead-letters/" + id + "/replay",
                ISSUER.token("organizer-ml", "ML", "organizer"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Document after = mongo.findById(id, Document.class, "dead_letters");
        assertThat(after.get("replayingSince")).isNull(); // the claim is released: an organizer can try again
        assertThat(after.getInteger("replayCount")).isZero();
    }

    @Test
    void a_dead_letter_another_request_is_replaying_is_not_sent_twice() {
        String id = "probe-" + UUID.randomUUID();
        String key = "claimed-" + UUID.randomUUID();
        mongo.insert(deadLetter(id, Topics.REGISTRATION_PARTICIPANTS, key).append("replayingSince", new java.util.Date()),
                "dead_letters");

        ServiceApi.Response response = api().post("/api/competitions/admin/dead-letters/" + id + "/replay",
                ISSUER.token("organizer-ml", "ML", "organizer"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(mongo.findById(id, Document.class, "dead_letters").getInteger("replayCount")).isZero();
    }

    /** A dead letter as the store keeps it, of an event of an unknown type (ignored by the listener if replayed). */
    private static Document deadLetter(String id, String originalTopic, String key) {
        byte[] type = "sdn.test.unknown.v1".getBytes(StandardCharsets.UTF_8);
        return new Document("_id", id).append("originalTopic", originalTopic).append("key", key)
                .append("value", "{}".getBytes(StandardCharsets.UTF_8))
                .append("headers", List.of(new Document("name", CloudEventHeaders.TYPE).append("value", type)))
                .append("eventType", "sdn.test.unknown.v1").append("deadAt", new java.util.Date())
                .append("replayCount", 0);
    }

    private List<Document> deadLettersFor(String key) {
        return mongo.find(new Query(Criteria.where("key").is(key)), Document.class, "dead_letters");
    }

    private static String ceId(Document deadLetter) {
        for (Document header : deadLetter.getList("headers", Document.class)) {
            if (CloudEventHeaders.ID.equals(header.getString("name"))) {
                Object value = header.get("value");
                byte[] bytes = value instanceof org.bson.types.Binary binary ? binary.getData() : (byte[]) value;
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String fullProfile(String id, Instant registeredAt, String displayName) {
        return """
                {"participantId":"%s","username":"mariam","displayName":"%s","email":"mariam@demo.sdn.ml",\
                "country":"ML","preferredLanguage":"fr","registeredAt":"%s","phone":"+22370000000","city":"Kayes",\
                "gender":"FEMALE"}""".formatted(id, displayName, registeredAt);
    }

    private static String updatedProfile(String id, Instant registeredAt, Instant updatedAt, String displayName) {
        return """
                {"participantId":"%s","username":"mariam","displayName":"%s","email":"mariam@demo.sdn.ml",\
                "country":"ML","preferredLanguage":"en","registeredAt":"%s","updatedAt":"%s","phone":"+22370000000",\
                "city":"Kayes","gender":"FEMALE"}""".formatted(id, displayName, registeredAt, updatedAt);
    }

    private static String erased(String id, Instant erasedAt) {
        return """
                {"participantId":"%s","erasedAt":"%s"}""".formatted(id, erasedAt);
    }

    private static String registered(String id, String country, Instant at) {
        return """
                {"participantId":"%s","username":"user-%s","displayName":"Aïcha %s","email":"a@demo.sdn.ml",\
                "country":"%s","preferredLanguage":"fr","registeredAt":"%s","favouriteColour":"green"}"""
                .formatted(id, id.substring(0, 4), id.substring(0, 4), country, at.truncatedTo(ChronoUnit.MILLIS));
    }

    private void send(String key, String eventId, String type, String json) {
        send(null, key, eventId, type, json);
    }

    private void send(Integer partition, String key, String eventId, String type, String json) {
        send(Topics.REGISTRATION_PARTICIPANTS, partition, key, eventId, type, json);
    }
}
