package ml.sdn.registration.participants;

import ml.sdn.registration.RelayLock;
import ml.sdn.events.registration.ParticipantErased;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.platform.outbox.PendingEvent;
import ml.sdn.registration.ServiceIT;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A person's export and erasure, with the real broker carrying the erasure back to every feature. */
class ParticipantErasureIT extends ServiceIT {

    private static final String ME = "/api/registrations/participants/me";
    private static final String EXPORT = ME + "/export";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROFILE = """
            {"consent":{"accepted":true,"version":"2026-01"},"phone":"65 01 23 45","city":"Kayes","region":"Kayes",
             "gender":"FEMALE","preferredLanguage":"en"}""";

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RecordingPersonalData features;

    @AfterAll
    static void closeConsumer() {
        ParticipantEvents.close();
    }

    @Test
    void the_export_holds_the_profile_the_consents_and_a_section_per_feature_as_an_attachment() {
        String user = unique("Aïssata");
        String token = ISSUER.token(user, "ML", "participant");
        api().put(ME, token, PROFILE);
        api().put(ME, token, PROFILE.replace("2026-01", "2026-02"));

        ServiceApi.Response response = api().get(EXPORT, token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment;").matches(".*filename=\"[^\"]+\\.json\".*"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        JsonNode export = JSON.readTree(response.body());
        JsonNode profile = export.get("profile");
        assertThat(profile.get("id").asString()).isEqualTo(TestIssuer.subjectOf(user));
        assertThat(profile.get("displayName").asString()).isEqualTo(user);
        assertThat(profile.get("email").asString()).isEqualTo(user + "@demo.sdn.ml");
        assertThat(profile.get("phone").asString()).isEqualTo("+22365012345");
        assertThat(profile.get("gender").asString()).isEqualTo("FEMALE");
        assertThat(export.get("consentHistory").findValuesAsString("version")).containsExactly("2026-01", "2026-02");
        assertThat(export.get("exportedAt").isNull()).isFalse();
        assertThat(export.get("sections").get(RecordingPersonalData.SECTION).get("participantId").asString())
                .isEqualTo(TestIssuer.subjectOf(user));
    }

    @Test
    void there_is_no_export_without_a_profile() {
        ServiceApi.Response response = api().get(EXPORT, ISSUER.token(unique("nobody"), "BF", "participant"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void erasure_anonymises_the_profile_in_place_and_it_reads_as_absent() {
        String user = unique("Fatoumata");
        String id = TestIssuer.subjectOf(user);
        String token = ISSUER.token(user, "BF", "participant");
        String registeredAt = api().put(ME, token, PROFILE.replace("65 01 23 45", "70 12 34 56")).json().get("registeredAt").asString();

        ServiceApi.Response erased = api().delete(ME, token);

        assertThat(erased.status()).isEqualTo(204);
        assertThat(api().get(ME, token).status()).isEqualTo(404);
        assertThat(api().get(EXPORT, token).status()).isEqualTo(404);
        Document stored = mongo.findById(id, Document.class, Participant.COLLECTION);
        assertThat(stored).doesNotContainKeys("username", "displayName", "searchKey", "email", "phone", "city", "region",
                "gender", "preferredLanguage");
        assertThat(stored.getString("country")).isEqualTo("BF");
        assertThat(stored.getDate("registeredAt").toInstant()).isEqualTo(Instant.parse(registeredAt));
        assertThat(stored.getDate("erasedAt")).isNotNull();
        assertThat(stored.toJson()).doesNotContain(user).doesNotContain("22670123456").doesNotContain("Kayes");
    }

    @Test
    void erasure_publishes_participant_erased_and_every_feature_erases_its_data() {
        String user = unique("Mariam");
        String id = TestIssuer.subjectOf(user);
        String token = ISSUER.token(user, "NE", "participant");
        api().put(ME, token, PROFILE.replace("65 01 23 45", "93 12 34 56"));

        api().delete(ME, token);

        ConsumerRecord<String, String> record = ParticipantEvents.awaitRecord(broker.getBrokersAsString(), id, ParticipantErased.TYPE.type());
        ParticipantErased event = JSON.readValue(record.value(), ParticipantErased.class);
        assertThat(event.participantId()).isEqualTo(id);
        assertThat(event.erasedAt()).isNotNull();
        assertThat(record.value()).doesNotContain(user);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(features.erasuresOf(id)).isEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(erasureCompletedAt(id)).isNotNull());
        assertThat(erasureCompletedAt(id)).isAfterOrEqualTo(event.erasedAt());
    }

    @Test
    void registering_again_before_every_feature_has_erased_is_refused_then_allowed_once_they_have() {
        String user = unique("Rokia");
        String id = TestIssuer.subjectOf(user);
        String token = ISSUER.token(user, "ML", "participant");
        api().put(ME, token, PROFILE);
        ServiceApi.Response tooSoon;
        ServiceApi.Response tooSoonInEnglish;
        // the relay held back: ParticipantErased waits in the outbox, as it would for a moment after any DELETE
        var relay = RelayLock.take(mongo);
        try {
            assertThat(api().delete(ME, token).status()).isEqualTo(204);

            tooSoon = api().put(ME, token, PROFILE);
            tooSoonInEnglish = api().put(ME, token, PROFILE, "Accept-Language", "en");
        } finally {
            relay.unlock();
        }

        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.contentType()).startsWith("application/problem+json");
        assertThat(tooSoon.json().get("detail").asString()).contains("réessayez dans une minute");
        assertThat(tooSoonInEnglish.json().get("detail").asString()).contains("try again in a minute");
        assertThat(mongo.findById(id, Document.class, Participant.COLLECTION)).doesNotContainKeys("displayName", "phone");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(features.erasuresOf(id)).isEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(erasureCompletedAt(id)).isNotNull());

        ServiceApi.Response again = api().put(ME, token, PROFILE);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("phone").asString()).isEqualTo("+22365012345");
        assertThat(mongo.findById(id, Document.class, Participant.COLLECTION)).doesNotContainKeys("erasedAt", "erasureCompletedAt");
    }

    @Test
    void erasing_again_answers_204_and_publishes_nothing_more() {
        String user = unique("Kadidia");
        String id = TestIssuer.subjectOf(user);
        String token = ISSUER.token(user, "ML", "participant");
        api().put(ME, token, PROFILE);
        api().delete(ME, token);
        Document afterFirst = mongo.findById(id, Document.class, Participant.COLLECTION);

        ServiceApi.Response again = api().delete(ME, token);

        assertThat(again.status()).isEqualTo(204);
        assertThat(mongo.findById(id, Document.class, Participant.COLLECTION).getDate("erasedAt"))
                .isEqualTo(afterFirst.getDate("erasedAt"));
        ParticipantEvents.awaitRecord(broker.getBrokersAsString(), id, ParticipantErased.TYPE.type());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(ParticipantEvents.all(broker.getBrokersAsString(), id, ParticipantErased.TYPE.type())).hasSize(1));
    }

    @Test
    void erasing_without_a_profile_is_a_404() {
        ServiceApi.Response response = api().delete(ME, ISSUER.token(unique("nobody"), "ML", "participant"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void an_erased_participant_is_no_longer_listed() {
        String user = unique("Oumou");
        String token = ISSUER.token(user, "ML", "participant");
        api().put(ME, token, PROFILE);
        String organizer = ISSUER.token(unique("organizer"), "ML", "organizer");
        String search = "/api/registrations/participants?q=" + user;
        assertThat(api().get(search, organizer).json().get("totalElements").asLong()).isEqualTo(1);

        api().delete(ME, token);

        assertThat(api().get(search, organizer).json().get("totalElements").asLong()).isZero();
        assertThat(api().get("/api/registrations/participants?country=ML&size=100", organizer).body())
                .doesNotContain(TestIssuer.subjectOf(user));
    }

    @Test
    void after_erasure_a_new_put_starts_a_fresh_profile() {
        String user = unique("Salimata");
        String id = TestIssuer.subjectOf(user);
        String token = ISSUER.token(user, "ML", "participant");
        String firstRegistration = api().put(ME, token, PROFILE).json().get("registeredAt").asString();
        api().delete(ME, token);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(erasureCompletedAt(id)).isNotNull());

        ServiceApi.Response again = api().put(ME, token, """
                {"consent":{"accepted":true,"version":"2026-03"}}""");

        assertThat(again.status()).isEqualTo(201);
        JsonNode fresh = api().get(ME, token).json();
        assertThat(fresh.get("displayName").asString()).isEqualTo(user);
        assertThat(fresh.get("phone").isNull()).isTrue();
        assertThat(fresh.get("gender").asString()).isEqualTo("NOT_STATED");
        assertThat(fresh.get("registeredAt").asString()).isGreaterThanOrEqualTo(firstRegistration);
        assertThat(mongo.findById(id, Document.class, Participant.COLLECTION).get("erasedAt")).isNull();
        assertThat(api().get(EXPORT, token).body()).doesNotContain("2026-01");
        // the erasure reaches the broker before the new registration (the first registration went out
        // before the erasure, or not at all if the erasure dropped it from the outbox first)
        ConsumerRecord<String, String> erased = ParticipantEvents.awaitRecord(broker.getBrokersAsString(), id, ParticipantErased.TYPE.type());
        List<ConsumerRecord<String, String>> registrations = await().atMost(Duration.ofSeconds(20)).until(
                () -> ParticipantEvents.all(broker.getBrokersAsString(), id, ParticipantRegistered.TYPE.type()),
                found -> found.stream().anyMatch(r -> r.offset() > erased.offset()));
        assertThat(registrations).filteredOn(r -> r.offset() < erased.offset()).hasSizeLessThanOrEqualTo(1);
        ConsumerRecord<String, String> newRegistration = registrations.get(registrations.size() - 1);
        assertThat(newRegistration.offset()).isGreaterThan(erased.offset());
        assertThat(JSON.readValue(newRegistration.value(), ParticipantRegistered.class).phone()).isNull();
    }

    @Test
    void an_erasure_left_in_the_outbox_by_a_crash_still_reaches_every_feature() {
        // what a DELETE leaves behind if the service stops right after its write: the anonymised
        // document with ParticipantErased pending; nothing else happened yet
        String id = UUID.randomUUID().toString();
        Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        mongo.insert(new Document("_id", id).append("country", "NE").append("registeredAt", erasedAt)
                .append("erasedAt", erasedAt).append("version", 0L)
                .append("outbox", List.of(outboxEntry(PendingEvent.of(ParticipantErased.TYPE, id, new ParticipantErased(id, erasedAt))))),
                Participant.COLLECTION);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(features.erasuresOf(id)).isEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(erasureCompletedAt(id)).isNotNull());
        assertThat(mongo.findById(id, Document.class, Participant.COLLECTION).getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void a_second_delivery_of_an_erasure_runs_the_features_again_harmlessly() {
        String id = UUID.randomUUID().toString();
        Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // the same erasure twice, as a redelivery after a consumer crash would bring it
        mongo.insert(new Document("_id", id).append("country", "ML").append("erasedAt", erasedAt).append("version", 0L)
                .append("outbox", List.of(
                        outboxEntry(PendingEvent.of(ParticipantErased.TYPE, id, new ParticipantErased(id, erasedAt))),
                        outboxEntry(PendingEvent.of(ParticipantErased.TYPE, id, new ParticipantErased(id, erasedAt))))),
                Participant.COLLECTION);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(features.erasuresOf(id)).isEqualTo(2));
    }

    @Test
    void a_late_erasure_event_does_not_erase_what_the_person_entered_after_coming_back() {
        String id = UUID.randomUUID().toString();
        Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        String probe = UUID.randomUUID().toString();
        // the person erased their data a minute ago and has registered again since; the old erasure
        // event only now comes (back) through Kafka, followed on the same key (same partition, so handled
        // after it) by an erasure of nobody in particular that tells the test the first was handled
        mongo.insert(new Document("_id", id).append("country", "BF").append("registeredAt", erasedAt.plusSeconds(30))
                .append("version", 0L)
                .append("outbox", List.of(
                        outboxEntry(PendingEvent.of(ParticipantErased.TYPE, id, new ParticipantErased(id, erasedAt))),
                        outboxEntry(PendingEvent.of(ParticipantErased.TYPE, id, new ParticipantErased(probe, erasedAt))))),
                Participant.COLLECTION);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(features.erasuresOf(probe)).isEqualTo(1));
        assertThat(features.erasuresOf(id)).isZero();
        assertThat(erasureCompletedAt(id)).as("the fresh profile is not marked erased").isNull();
    }

    @Test
    void an_erasure_event_of_an_earlier_erasure_does_not_mark_a_later_one_completed() {
        String id = UUID.randomUUID().toString();
        Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant earlier = erasedAt.minusSeconds(3600);
        String probe = UUID.randomUUID().toString();
        // erased an hour ago, registered again, erased again now: the first erasure's event comes back late
        // (its features run again, harmlessly), followed on the same key by a probe that tells it was handled
        mongo.insert(new Document("_id", id).append("country", "ML").append("registeredAt", earlier.plusSeconds(60))
                .append("erasedAt", erasedAt).append("version", 0L)
                .append("outbox", List.of(
                        outboxEntry(PendingEvent.of(ParticipantErased.TYPE, id, new ParticipantErased(id, earlier))),
                        outboxEntry(PendingEvent.of(ParticipantErased.TYPE, id, new ParticipantErased(probe, erasedAt))))),
                Participant.COLLECTION);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(features.erasuresOf(probe)).isEqualTo(1));
        assertThat(features.erasuresOf(id)).isEqualTo(1);
        assertThat(erasureCompletedAt(id)).as("the second erasure's own event has not come yet").isNull();
    }

    private Instant erasureCompletedAt(String id) {
        Document stored = mongo.findById(id, Document.class, Participant.COLLECTION);
        return stored == null || stored.getDate("erasureCompletedAt") == null ? null : stored.getDate("erasureCompletedAt").toInstant();
    }

    private static Document outboxEntry(PendingEvent event) {
        return new Document("_id", event.id()).append("type", event.type()).append("topic", event.topic())
                .append("key", event.key()).append("subject", event.subject()).append("time", java.util.Date.from(event.time()))
                .append("payload", event.payload());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
