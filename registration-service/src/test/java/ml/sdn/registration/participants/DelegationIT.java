package ml.sdn.registration.participants;

import ml.sdn.events.registration.ParticipantDelegationChanged;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delegation from the attacker's side: fixed at the first registration, moved by organizers only,
 * with a reason, audited and announced; the person's attendance follows.
 */
class DelegationIT extends ServiceIT {

    private static final String ME = "/api/registrations/participants/me";
    private static final String VALID = """
            {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    @AfterAll
    static void closeConsumer() {
        ParticipantEvents.close();
    }

    @Test
    void an_organizer_moves_a_person_with_a_reason_audited_announced_and_followed_by_their_attendance() {
        String user = ParticipantProfileIT.unique("participant");
        String subject = TestIssuer.subjectOf(user);
        String person = ISSUER.token(user, "ML", "participant");
        api().put(ME, person, VALID);
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("participantId", subject)
                .append("country", "ML").append("day", "2099-11-20").append("status", "CONFIRMED"), "attendances");
        String organizer = ISSUER.token(ParticipantProfileIT.unique("organizer"), "NE", "organizer");

        ServiceApi.Response moved = api().put(delegation(subject), organizer, """
                {"country":"BF","reason":"Vit à Ouagadougou depuis 2025"}""");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("country").asString()).isEqualTo("BF");
        JsonNode change = moved.json().get("history").get(0);
        assertThat(change.get("previousCountry").asString()).isEqualTo("ML");
        assertThat(change.get("country").asString()).isEqualTo("BF");
        assertThat(change.get("reason").asString()).isEqualTo("Vit à Ouagadougou depuis 2025");
        assertThat(change.get("changedBy").asString()).isNotBlank();
        assertThat(change.get("changedAt").isNull()).isFalse();
        assertThat(api().get(delegation(subject), organizer).json().get("history")).hasSize(1);
        assertThat(api().get(ME, person).json().get("country").asString())
                .as("the person's token still says ML").isEqualTo("BF");

        ConsumerRecord<String, String> record = ParticipantEvents.awaitRecord(brokers(), subject,
                ParticipantDelegationChanged.TYPE.type());
        ParticipantDelegationChanged event = JSON.readValue(record.value(), ParticipantDelegationChanged.class);
        assertThat(event.previousCountry()).isEqualTo("ML");
        assertThat(event.country()).isEqualTo("BF");
        assertThat(event.reason()).isEqualTo("Vit à Ouagadougou depuis 2025");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mongo.findOne(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("participantId").is(subject)),
                Document.class, "attendances").getString("country")).isEqualTo("BF"));
    }

    @Test
    void the_person_themself_cannot_move_through_any_endpoint() {
        String user = ParticipantProfileIT.unique("participant");
        String subject = TestIssuer.subjectOf(user);
        api().put(ME, ISSUER.token(user, "ML", "participant"), VALID);
        String editedAccount = ISSUER.token(user, "BF", "participant");

        ServiceApi.Response direct = api().put(delegation(subject), editedAccount, """
                {"country":"BF","reason":"I moved"}""");
        ServiceApi.Response throughProfile = api().put(ME, editedAccount, """
                {"country":"BF","consent":{"accepted":true,"version":"2026-01"}}""");
        api().put(ME, editedAccount, VALID);
        api().delete(ME, editedAccount);
        await().atMost(Duration.ofSeconds(20)).until(() -> api().put(ME, editedAccount, VALID).status() == 201);

        assertThat(direct.status()).isEqualTo(403);
        assertThat(direct.contentType()).startsWith("application/problem+json");
        assertThat(throughProfile.status()).isEqualTo(400);
        assertThat(api().get(ME, editedAccount).json().get("country").asString())
                .as("neither an update, nor an erasure and a new registration, with a BF token").isEqualTo("ML");
    }

    @Test
    void a_coordinator_cannot_move_a_person_nor_read_the_history() {
        String user = ParticipantProfileIT.unique("participant");
        String subject = TestIssuer.subjectOf(user);
        api().put(ME, ISSUER.token(user, "ML", "participant"), VALID);
        String coordinator = ISSUER.tokenWithDelegation(ParticipantProfileIT.unique("coordinator"), "BF", "BF", "coordinator");

        ServiceApi.Response move = api().put(delegation(subject), coordinator, """
                {"country":"BF","reason":"Ours now"}""");
        ServiceApi.Response read = api().get(delegation(subject), coordinator);

        assertThat(move.status()).isEqualTo(403);
        assertThat(read.status()).isEqualTo(403);
        assertThat(mongo.findById(subject, Document.class, Participant.COLLECTION).getString("country")).isEqualTo("ML");
    }

    @Test
    void a_move_without_reason_or_with_a_wrong_country_is_a_problem_naming_each_field() {
        String user = ParticipantProfileIT.unique("participant");
        String subject = TestIssuer.subjectOf(user);
        api().put(ME, ISSUER.token(user, "ML", "participant"), VALID);
        String organizer = ISSUER.token(ParticipantProfileIT.unique("organizer"), "ML", "organizer");

        ServiceApi.Response noReason = api().put(delegation(subject), organizer, """
                {"country":"BF"}""");
        ServiceApi.Response both = api().put(delegation(subject), organizer, """
                {"country":"FR","reason":"  "}""", "Accept-Language", "en");
        ServiceApi.Response same = api().put(delegation(subject), organizer, """
                {"country":"ML","reason":"Nothing"}""");
        ServiceApi.Response nobody = api().put(delegation("no-such-person"), organizer, """
                {"country":"BF","reason":"Lives there"}""");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(both.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("country", "reason");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().get("errors").findValuesAsString("field")).containsExactly("country");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(mongo.findById(subject, Document.class, Participant.COLLECTION).getString("country")).isEqualTo("ML");
    }

    private String brokers() {
        return broker.getBrokersAsString();
    }

    private static String delegation(String subject) {
        return "/api/registrations/participants/" + subject + "/delegation";
    }
}
