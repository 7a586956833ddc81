package ml.sdn.registration.stats;

import ml.sdn.registration.ServiceIT;
import ml.sdn.testing.ServiceApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statistics are counted from the features' own documents (written here directly in their agreed
 * shape); other tests share the store, so each test compares figures before and after its own writes.
 */
class StatsIT extends ServiceIT {

    private static final String STATS = "/api/registrations/stats";

    @Autowired
    MongoTemplate mongo;

    @Test
    void organizer_sees_counts_by_country_gender_type_sector_women_led_and_attendance_per_day() {
        String organizer = ISSUER.token(unique("organizer"), "ML", "organizer");
        String day = uniqueDay();
        JsonNode before = api().get(STATS, organizer).json();

        participant("BF", "FEMALE");
        participant("BF", "MALE");
        participant("NE", null);
        erasedParticipant("NE");
        organization("BF", "START_UP", "E_GOVERNMENT", true);
        organization("ML", "SME", "CULTURE", false);
        mongo.insert(new Document("_id", day).append("capacity", 2), "attendance_days");
        attendance("BF", day, "CONFIRMED", true);
        attendance("NE", day, "CONFIRMED", false);
        attendance("BF", day, "WAITING", false);
        attendance("ML", day, "CANCELLED", false);

        ServiceApi.Response response = api().get(STATS, organizer);
        JsonNode after = response.json();

        assertThat(response.status()).isEqualTo(200);
        assertThat(after.get("scope").asString()).isEqualTo("ALL");
        assertThat(delta(before, after, "participants", "total")).isEqualTo(3);
        assertThat(delta(before, after, "participants", "byCountry", "BF")).isEqualTo(2);
        assertThat(delta(before, after, "participants", "byCountry", "NE")).isEqualTo(1);
        assertThat(delta(before, after, "participants", "byGender", "FEMALE")).isEqualTo(1);
        assertThat(delta(before, after, "participants", "byGender", "MALE")).isEqualTo(1);
        assertThat(delta(before, after, "participants", "byGender", "NOT_STATED")).isEqualTo(1);
        assertThat(delta(before, after, "organizations", "total")).isEqualTo(2);
        assertThat(delta(before, after, "organizations", "byType", "START_UP")).isEqualTo(1);
        assertThat(delta(before, after, "organizations", "bySector", "CULTURE")).isEqualTo(1);
        assertThat(delta(before, after, "organizations", "womenLed")).isEqualTo(1);
        JsonNode attendance = dayOf(after, day);
        assertThat(attendance.get("capacity").asLong()).isEqualTo(2);
        assertThat(attendance.get("confirmed").asLong()).isEqualTo(2);
        assertThat(attendance.get("waiting").asLong()).isEqualTo(1);
        assertThat(attendance.get("checkedIn").asLong()).isEqualTo(1);
    }

    @Test
    void a_coordinator_gets_their_own_country_whatever_they_ask_for() {
        String coordinator = ISSUER.token(unique("coordinator"), "BF", "coordinator");
        String day = uniqueDay();
        JsonNode before = api().get(STATS, coordinator).json();

        participant("BF", "FEMALE");
        participant("ML", "FEMALE");
        organization("ML", "START_UP", "FINTECH", true);
        mongo.insert(new Document("_id", day).append("capacity", 10), "attendance_days");
        attendance("ML", day, "CONFIRMED", false);
        attendance("BF", day, "CONFIRMED", false);

        JsonNode after = api().get(STATS + "?country=ML", coordinator).json();

        assertThat(after.get("scope").asString()).isEqualTo("BF");
        assertThat(after.get("participants").get("byCountry").propertyNames()).containsExactly("BF");
        assertThat(delta(before, after, "participants", "total")).isEqualTo(1);
        assertThat(delta(before, after, "participants", "byGender", "FEMALE")).isEqualTo(1);
        assertThat(delta(before, after, "organizations", "womenLed")).isZero();
        assertThat(dayOf(after, day).get("confirmed").asLong()).isEqualTo(1);
    }

    @Test
    void an_organizer_can_narrow_to_one_country() {
        JsonNode niger = api().get(STATS + "?country=NE", ISSUER.token(unique("organizer"), "ML", "organizer")).json();

        assertThat(niger.get("scope").asString()).isEqualTo("NE");
        assertThat(niger.get("participants").get("byCountry").propertyNames()).containsExactly("NE");
    }

    @Test
    void participants_jurors_and_coaches_get_403_and_a_bad_country_gets_a_400_naming_it() {
        for (String role : List.of("participant", "jury", "coach")) {
            ServiceApi.Response refused = api().get(STATS, ISSUER.token(unique(role), "ML", role));
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        ServiceApi.Response anonymous = api().get(STATS, null);
        ServiceApi.Response badCountry = api().get(STATS + "?country=FR", ISSUER.token(unique("organizer"), "ML", "organizer"));
        ServiceApi.Response injected = api().get(STATS + "?country%5B%24ne%5D=ML", ISSUER.token(unique("organizer"), "ML", "organizer"));
        ServiceApi.Response operatorValue = api().get(STATS + "?country=%7B%22%24ne%22%3A%22ML%22%7D", ISSUER.token(unique("organizer"), "ML", "organizer"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(badCountry.status()).isEqualTo(400);
        assertThat(badCountry.json().get("errors").findValuesAsString("field")).contains("country");
        // an operator in a parameter name is just an unknown parameter: all countries, no error
        assertThat(injected.status()).isEqualTo(200);
        assertThat(injected.json().get("scope").asString()).isEqualTo("ALL");
        // an operator as the value is a value that is not a country
        assertThat(operatorValue.status()).isEqualTo(400);
        assertThat(operatorValue.json().get("errors").findValuesAsString("field")).contains("country");
    }

    @Test
    void a_coordinator_token_without_a_delegation_sees_nothing() {
        ServiceApi.Response noCountry = api().get(STATS, ISSUER.token(unique("coordinator"), null, "coordinator"));
        ServiceApi.Response noDelegation = api().get(STATS, ISSUER.tokenWithDelegation(unique("coordinator"), "BF", null, "coordinator"));

        assertThat(noCountry.status()).isEqualTo(403);
        assertThat(noDelegation.status()).isEqualTo(403);
    }

    @Test
    void a_coordinator_who_changed_their_own_country_still_gets_their_delegation() {
        String movedToMali = ISSUER.tokenWithDelegation(unique("coordinator"), "ML", "BF", "coordinator");

        JsonNode stats = api().get(STATS, movedToMali).json();

        assertThat(stats.get("scope").asString()).isEqualTo("BF");
    }

    private void participant(String country, String gender) {
        Document document = new Document("_id", UUID.randomUUID().toString()).append("country", country)
                .append("displayName", unique("Person"));
        if (gender != null) {
            document.append("gender", gender);
        }
        mongo.insert(document, "participants");
    }

    private void erasedParticipant(String country) {
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("country", country)
                .append("erasedAt", new java.util.Date()), "participants");
    }

    private void organization(String country, String type, String sector, boolean womenLed) {
        String name = unique("Org"); // and its nameKey: (country, nameKey) is a unique index
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("country", country).append("type", type)
                .append("sector", sector).append("womenLed", womenLed).append("name", name).append("nameKey", name.toLowerCase()), "organizations");
    }

    private void attendance(String country, String day, String status, boolean checkedIn) {
        Document document = new Document("_id", UUID.randomUUID().toString()).append("participantId", UUID.randomUUID().toString())
                .append("country", country).append("day", day).append("status", status);
        if (checkedIn) {
            document.append("checkedInAt", java.util.Date.from(Instant.now()));
        }
        mongo.insert(document, "attendances");
    }

    private static long delta(JsonNode before, JsonNode after, String... path) {
        return valueAt(after, path) - valueAt(before, path);
    }

    private static long valueAt(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            current = current == null ? null : current.get(step);
        }
        return current == null || current.isNull() ? 0 : current.asLong();
    }

    private static JsonNode dayOf(JsonNode stats, String day) {
        for (JsonNode entry : stats.get("attendance")) {
            if (entry.get("day").asString().equals(day)) {
                return entry;
            }
        }
        throw new AssertionError("no attendance figures for " + day + " in " + stats);
    }

    /** A day no other test uses (a year far ahead, unique per call). */
    private static String uniqueDay() {
        int n = Math.floorMod(UUID.randomUUID().hashCode(), 3650);
        return java.time.LocalDate.of(2900, 1, 1).plusDays(n).toString();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
