package ml.sdn.registration.participants;

import ml.sdn.registration.ServiceIT;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The participant list, from each role's side. Every test names its people with a marker of its own
 * and searches for it, so that the participants of the other tests (one shared store) stay out.
 */
class ParticipantDirectoryIT extends ServiceIT {

    private static final String LIST = "/api/registrations/participants";
    private static final String ME = LIST + "/me";

    @Autowired
    MongoTemplate mongo;

    @Test
    void an_organizer_sees_every_country_with_gender_and_contact_details() {
        String marker = marker();
        String ml = register("Awa " + marker, "ML", "65 01 23 45", "FEMALE");
        String bf = register("Boubacar " + marker, "BF", null, "MALE");
        String ne = register("Chaibou " + marker, "NE", null, null);

        JsonNode page = list(organizer(), "q=" + marker);

        assertThat(ids(page)).containsExactly(ml, bf, ne);
        JsonNode awa = page.get("content").get(0);
        assertThat(awa.get("displayName").asString()).isEqualTo("Awa " + marker);
        assertThat(awa.get("country").asString()).isEqualTo("ML");
        assertThat(awa.get("gender").asString()).isEqualTo("FEMALE");
        assertThat(awa.get("email").asString()).isEqualTo("Awa " + marker + "@demo.sdn.ml");
        assertThat(awa.get("phone").asString()).isEqualTo("+22365012345");
        assertThat(awa.get("city").asString()).isEqualTo("Ville");
        assertThat(awa.get("preferredLanguage").asString()).isEqualTo("fr");
        assertThat(awa.get("registeredAt").isNull()).isFalse();
        assertThat(awa.has("username")).isFalse();
        assertThat(awa.has("consent")).isFalse();
        assertThat(page.get("content").get(2).get("gender").asString()).isEqualTo("NOT_STATED");
    }

    @Test
    void a_coordinator_sees_only_their_countrys_participants_with_contact_details_but_no_gender() {
        String marker = marker();
        register("Awa " + marker, "ML", null, "FEMALE");
        String bf = register("Boubacar " + marker, "BF", "70 12 34 56", "MALE");
        register("Chaibou " + marker, "NE", null, "MALE");

        JsonNode page = list(coordinator("BF"), "q=" + marker);

        assertThat(ids(page)).containsExactly(bf);
        JsonNode boubacar = page.get("content").get(0);
        assertThat(boubacar.has("gender")).isFalse();
        assertThat(boubacar.get("email").asString()).isEqualTo("Boubacar " + marker + "@demo.sdn.ml");
        assertThat(boubacar.get("phone").asString()).isEqualTo("+22670123456");
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void a_coordinator_from_bf_asking_for_ml_gets_an_empty_page_not_other_people() {
        String marker = marker();
        register("Awa " + marker, "ML", null, null);
        register("Boubacar " + marker, "BF", null, null);

        JsonNode asked = list(coordinator("BF"), "country=ML&q=" + marker);
        JsonNode own = list(coordinator("BF"), "country=BF&q=" + marker);

        assertThat(ids(asked)).isEmpty();
        assertThat(asked.get("totalElements").asLong()).isZero();
        assertThat(asked.get("totalPages").asInt()).isZero();
        assertThat(ids(own)).hasSize(1);
    }

    @Test
    void a_coordinator_without_a_country_sees_nobody() {
        String marker = marker();
        register("Awa " + marker, "ML", null, null);

        assertThat(ids(list(ISSUER.token(unique("coordinator"), null, "coordinator"), "q=" + marker))).isEmpty();
    }

    @Test
    void an_organizer_narrows_to_one_country() {
        String marker = marker();
        register("Awa " + marker, "ML", null, null);
        String ne = register("Chaibou " + marker, "NE", null, null);

        assertThat(ids(list(organizer(), "country=NE&q=" + marker))).containsExactly(ne);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"participant", "jury", "coach"})
    void other_roles_get_403(String role) {
        ServiceApi.Response response = api().get(LIST, ISSUER.token(unique(role), "ML", role));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void without_a_token_the_list_is_401() {
        assertThat(api().get(LIST, null).status()).isEqualTo(401);
    }

    @Test
    void the_name_search_ignores_case_and_accents_both_ways() {
        String marker = marker();
        String aissata = register("Aïssata Dembélé " + marker, "ML", null, null);
        String helene = register("Helene Ouedraogo " + marker, "BF", null, null);
        register("Moussa Traoré " + marker, "ML", null, null);

        assertThat(ids(list(organizer(), "q=" + encode("DEMBELE " + marker)))).containsExactly(aissata);
        assertThat(ids(list(organizer(), "q=" + encode("aïssata")))).contains(aissata);
        assertThat(ids(list(organizer(), "q=" + encode("Hélène ouédraogo " + marker)))).containsExactly(helene);
    }

    @Test
    void the_list_is_sorted_by_name_ignoring_case_and_accents() {
        String marker = marker();
        String zeinab = register("Zeinab " + marker, "ML", null, null);
        String aminata = register("aminata " + marker, "ML", null, null);
        String eric = register("Éric " + marker, "ML", null, null);

        assertThat(ids(list(organizer(), "q=" + marker))).containsExactly(aminata, eric, zeinab);
    }

    @Test
    void pages_follow_one_another_with_spring_data_totals() {
        String marker = marker();
        List<String> all = new ArrayList<>();
        for (String name : List.of("Adama", "Bintou", "Coulibaly", "Djeneba", "Esther")) {
            all.add(register(name + " " + marker, "NE", null, null));
        }

        JsonNode first = list(organizer(), "size=2&page=0&q=" + marker);
        JsonNode last = list(organizer(), "size=2&page=2&q=" + marker);
        JsonNode beyond = list(organizer(), "size=2&page=7&q=" + marker);

        assertThat(ids(first)).containsExactly(all.get(0), all.get(1));
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("totalElements").asLong()).isEqualTo(5);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(ids(last)).containsExactly(all.get(4));
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.get("totalElements").asLong()).isEqualTo(5);
    }

    @Test
    void empty_parameters_are_no_filter() {
        String marker = marker();
        String awa = register("Awa " + marker, "ML", null, null);

        assertThat(ids(list(organizer(), "country=&organizationType=&sector=&page=&size=&q=" + marker))).containsExactly(awa);
    }

    @Test
    void organisation_type_and_sector_keep_owners_and_members_of_matching_organisations() {
        String marker = marker();
        String owner = register("Awa " + marker, "ML", null, null);
        String member = register("Boubacar " + marker, "BF", null, null);
        String smeOwner = register("Chaibou " + marker, "NE", null, null);
        String loner = register("Djeneba " + marker, "ML", null, null);
        organization("START_UP", "E_GOVERNMENT", "ML", owner, member, null);
        organization("SME", "CULTURE", "NE", smeOwner, null, "no-profile-" + marker);

        assertThat(ids(list(organizer(), "organizationType=START_UP&q=" + marker))).containsExactly(owner, member);
        assertThat(ids(list(organizer(), "sector=CULTURE&q=" + marker))).containsExactly(smeOwner);
        assertThat(ids(list(organizer(), "organizationType=START_UP&sector=CULTURE&q=" + marker))).isEmpty();
        assertThat(ids(list(organizer(), "organizationType=PROJECT_TEAM&q=" + marker))).isEmpty();
        assertThat(ids(list(coordinator("BF"), "organizationType=START_UP&q=" + marker))).containsExactly(member);
        assertThat(ids(list(organizer(), "q=" + marker))).contains(loner);
    }

    @ParameterizedTest(name = "q={0}")
    @CsvSource(delimiter = '|', textBlock = """
            '{"$gt": ""}'
            '{"$ne": null}'
            $where
            '$where: function() { return true; }'
            .*
            ^
            \\
            """)
    void operator_strings_and_regex_syntax_in_q_are_plain_text(String q) {
        String marker = marker();
        String awa = register("Awa " + marker, "ML", null, null);
        String literal = register(q + " " + marker, "BF", null, null);

        ServiceApi.Response alone = api().get(LIST + "?size=100&q=" + encode(q), organizer());
        JsonNode withMarker = list(organizer(), "q=" + encode(q + " " + marker));

        assertThat(alone.status()).isEqualTo(200);
        assertThat(ids(alone.json())).contains(literal).doesNotContain(awa);
        assertThat(ids(withMarker)).containsExactly(literal);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            country=FR                      | country
            country=ml                      | country
            country={"$ne":null}            | country
            organizationType=NGO            | organizationType
            organizationType={"$gt":""}     | organizationType
            sector=e-government             | sector
            sector={"$gt":""}               | sector
            page=-1                         | page
            page=abc                        | page
            page=100001                     | page
            size=0                          | size
            size=101                        | size
            size=ten                        | size
            """)
    void bad_parameters_are_a_400_naming_the_parameter(String query, String parameter) {
        ServiceApi.Response response = api().get(LIST + "?" + encodeValue(query), organizer());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(parameter);
    }

    @Test
    void an_oversized_query_is_a_400_naming_it() {
        ServiceApi.Response q = api().get(LIST + "?q=" + "x".repeat(101), organizer());
        ServiceApi.Response sector = api().get(LIST + "?sector=" + "X".repeat(41), organizer());

        assertThat(q.status()).isEqualTo(400);
        assertThat(q.json().get("errors").findValuesAsString("field")).containsExactly("q");
        assertThat(sector.status()).isEqualTo(400);
        assertThat(sector.json().get("errors").findValuesAsString("field")).containsExactly("sector");
    }

    /** Registers a participant whose token name is {@code name}; returns their id. */
    private String register(String name, String country, String phone, String gender) {
        String body = """
                {"consent":{"accepted":true,"version":"2026-01"},"city":"Ville","phone":%s,"gender":%s}""".formatted(
                phone == null ? "null" : "\"" + phone + "\"", gender == null ? "null" : "\"" + gender + "\"");
        ServiceApi.Response created = api().put(ME, ISSUER.token(name, country, "participant"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return TestIssuer.subjectOf(name);
    }

    /** An organisation as the organisations feature stores it (agreed shape), written straight to the store. */
    private void organization(String type, String sector, String country, String owner, String member, String memberWithoutProfile) {
        List<Document> members = new ArrayList<>();
        members.add(new Document("memberId", UUID.randomUUID().toString()).append("participantId", owner)
                .append("name", "owner").append("role", "FOUNDER").append("gender", "FEMALE").append("lead", true));
        if (member != null) {
            members.add(new Document("memberId", UUID.randomUUID().toString()).append("participantId", member)
                    .append("name", "member").append("role", "CTO").append("gender", "MALE").append("lead", false));
        }
        if (memberWithoutProfile != null) {
            members.add(new Document("memberId", UUID.randomUUID().toString()).append("participantId", memberWithoutProfile)
                    .append("name", "invited").append("role", "DEV").append("gender", "MALE").append("lead", false));
        }
        members.add(new Document("memberId", UUID.randomUUID().toString()).append("participantId", null)
                .append("name", "no account").append("role", "DEV").append("gender", "FEMALE").append("lead", false));
        String name = "Org " + UUID.randomUUID();
        // nameKey as the organisations feature writes it: (country, nameKey) is a unique index
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("type", type).append("sector", sector)
                .append("country", country).append("name", name).append("nameKey", name.toLowerCase()).append("ownerId", owner)
                .append("members", members), ParticipantDirectory.ORGANIZATIONS);
    }

    private JsonNode list(String token, String query) {
        String sized = query.contains("size=") ? query : "size=100&" + query;
        ServiceApi.Response response = api().get(LIST + "?" + sized.replace(" ", "%20"), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static String organizer() {
        return ISSUER.token(unique("organizer"), "ML", "organizer");
    }

    private static String coordinator(String country) {
        return ISSUER.token(unique("coordinator"), country, "coordinator");
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code name=value} with the value encoded. */
    private static String encodeValue(String query) {
        int equals = query.indexOf('=');
        return query.substring(0, equals + 1) + encode(query.substring(equals + 1));
    }
}
