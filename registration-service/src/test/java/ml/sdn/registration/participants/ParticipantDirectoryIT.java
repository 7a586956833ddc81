package ml.sdn.registration.participants;

import ml.sdn.registration.ServiceIT;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.XlsxRows;
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

    @Test
    void one_search_box_finds_people_by_name_without_accents_e_mail_phone_or_organisation() {
        String marker = marker();
        String moussa = register("Moussa Traoré " + marker, "ML", "65 01 23 45", null);
        String awa = register("Awa " + marker, "BF", "70 12 34 56", null);
        String member = register("Chaibou " + marker, "NE", null, null);
        organization("Société Générale " + marker, "SME", "CULTURE", "NE", false, member, null);

        assertThat(ids(list(organizer(), "q=" + encode("traore " + marker)))).containsExactly(moussa);
        assertThat(ids(list(organizer(), "q=" + encode("TRAORE")))).contains(moussa);
        // the e-mail address, case ignored (the token's address: "<name>@demo.sdn.ml")
        assertThat(ids(list(organizer(), "q=" + encode("AWA " + marker + "@DEMO")))).containsExactly(awa);
        // the phone number by its digits, however it is typed
        assertThat(ids(list(organizer(), "q=" + encode("+226 70-12-34-56")))).contains(awa).doesNotContain(moussa);
        assertThat(ids(list(organizer(), "q=" + encode("65 01 23 45")))).contains(moussa).doesNotContain(awa);
        // an organisation's name, accents ignored
        assertThat(ids(list(organizer(), "q=" + encode("societe generale " + marker)))).containsExactly(member);
        // each person comes with the names of their organisations
        JsonNode chaibou = list(organizer(), "q=" + marker + "&country=NE").get("content").get(0);
        assertThat(chaibou.get("organizations").get(0).get("name").asString()).isEqualTo("Société Générale " + marker);
        assertThat(chaibou.get("organizations").get(0).get("sector").asString()).isEqualTo("CULTURE");
    }

    @Test
    void women_led_and_the_day_registered_for_narrow_the_search() {
        String marker = marker();
        String led = register("Awa " + marker, "ML", null, "FEMALE");
        String notLed = register("Boubacar " + marker, "ML", null, "MALE");
        String day1 = register("Chaibou " + marker, "NE", null, null);
        String waiting = register("Djeneba " + marker, "NE", null, null);
        String cancelled = register("Esther " + marker, "NE", null, null);
        organization("Org A " + marker, "START_UP", "E_GOVERNMENT", "ML", true, led, null);
        organization("Org B " + marker, "START_UP", "E_GOVERNMENT", "ML", false, notLed, null);
        attendance(day1, "NE", "2026-01-29", "CONFIRMED");
        attendance(waiting, "NE", "2026-01-29", "WAITING");
        attendance(cancelled, "NE", "2026-01-29", "CANCELLED");
        attendance(led, "ML", "2026-01-30", "CONFIRMED");

        assertThat(ids(list(organizer(), "womenLed=true&q=" + marker))).containsExactly(led);
        assertThat(ids(list(organizer(), "womenLed=false&q=" + marker))).containsExactly(notLed);
        assertThat(ids(list(organizer(), "day=2026-01-29&q=" + marker))).containsExactly(day1, waiting);
        assertThat(ids(list(organizer(), "day=2026-01-29&country=ML&q=" + marker))).isEmpty();
        assertThat(ids(list(organizer(), "day=2026-01-30&womenLed=true&q=" + marker))).containsExactly(led);
        assertThat(ids(list(organizer(), "day=2026-01-31&q=" + marker))).isEmpty();
        assertThat(ids(list(organizer(), "womenLed=&day=&q=" + marker))).hasSize(5);
    }

    @Test
    void a_persons_page_has_their_organisations_and_days_for_organizers_and_their_own_coordinator_only() {
        String marker = marker();
        String moussa = register("Moussa Traoré " + marker, "ML", null, "MALE");
        organization("Tech Bamako " + marker, "START_UP", "E_GOVERNMENT", "ML", false, moussa, null);
        attendance(moussa, "ML", "2026-01-29", "CONFIRMED");
        attendance(moussa, "ML", "2026-01-30", "CANCELLED");

        ServiceApi.Response asOrganizer = api().get(LIST + "/" + moussa, organizer());
        ServiceApi.Response asCoordinator = api().get(LIST + "/" + moussa, coordinator("ML"));

        assertThat(asOrganizer.status()).as(asOrganizer.body()).isEqualTo(200);
        JsonNode page = asOrganizer.json();
        assertThat(page.get("person").get("displayName").asString()).isEqualTo("Moussa Traoré " + marker);
        assertThat(page.get("person").get("gender").asString()).isEqualTo("MALE");
        JsonNode organization = page.get("person").get("organizations").get(0);
        assertThat(organization.get("name").asString()).isEqualTo("Tech Bamako " + marker);
        assertThat(organization.get("type").asString()).isEqualTo("START_UP");
        assertThat(organization.get("owner").asBoolean()).isTrue();
        assertThat(page.get("attendance").findValuesAsString("day")).containsExactly("2026-01-29", "2026-01-30");
        assertThat(page.get("attendance").findValuesAsString("status")).containsExactly("CONFIRMED", "CANCELLED");
        assertThat(asCoordinator.status()).isEqualTo(200);
        assertThat(asCoordinator.json().get("person").has("gender")).isFalse();
    }

    @Test
    void another_delegations_person_is_a_404_for_a_coordinator_as_if_they_did_not_exist() {
        String marker = marker();
        String malian = register("Awa " + marker, "ML", null, null);

        ServiceApi.Response other = api().get(LIST + "/" + malian, coordinator("BF"));
        ServiceApi.Response unknown = api().get(LIST + "/no-such-person", coordinator("BF"));
        ServiceApi.Response noDelegation = api().get(LIST + "/" + malian,
                ISSUER.token(unique("coordinator"), null, "coordinator"));

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.body()).doesNotContain("Awa");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(other.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
        assertThat(noDelegation.status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"participant", "jury", "coach"})
    void other_roles_get_403_for_a_persons_page_and_the_export(String role) {
        String someone = register("Awa " + marker(), "ML", null, null);
        String token = ISSUER.token(unique(role), "ML", role);

        for (ServiceApi.Response refused : List.of(api().get(LIST + "/" + someone, token), api().get(LIST + ".csv", token),
                api().get(LIST + ".xlsx", token))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void the_export_holds_the_search_in_words_with_the_edition_and_when_it_was_made() {
        String marker = marker();
        String moussa = register("Moussa Traoré " + marker, "ML", "65 01 23 45", "MALE");
        String awa = register("=Awa " + marker, "BF", null, "FEMALE");
        organization("Tech Bamako " + marker, "START_UP", "E_GOVERNMENT", "ML", false, moussa, null);
        attendance(moussa, "ML", "2026-01-29", "CONFIRMED");
        attendance(moussa, "ML", "2026-01-30", "WAITING");
        attendance(awa, "BF", "2026-01-31", "CANCELLED");

        ServiceApi.Response csv = api().get(LIST + ".csv?edition=3%20(2026)&q=" + marker, organizer());

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains("participants-");
        assertThat(csv.header("Cache-Control")).isEqualTo("no-store");
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines.get(0)).startsWith("\uFEFFÉdition 3 (2026) — fichier établi le ");
        assertThat(lines.get(1)).isEqualTo("Nom;E-mail;Téléphone;Pays;Ville;Région;Organisations;Journées;Inscrit·e le");
        assertThat(lines).hasSize(4);
        // sorted by name: "=Awa" sorts before "Moussa"; a cell a spreadsheet would evaluate is shown as text
        assertThat(lines.get(2)).startsWith("'=Awa " + marker + ";'=Awa " + marker + "@demo.sdn.ml;;Burkina Faso;Ville;;;;");
        assertThat(lines.get(3)).startsWith("Moussa Traoré " + marker + ";Moussa Traoré " + marker + "@demo.sdn.ml;'+22365012345;"
                + "Mali;Ville;;Tech Bamako " + marker + ";29 janvier 2026, 30 janvier 2026 (liste d'attente);");
        assertThat(csv.body()).doesNotContain("FEMALE", "MALE", ";ML;", "2026-01");

        List<String> english = List.of(api().get(LIST + ".csv?q=" + marker, organizer(), "Accept-Language", "en")
                .body().split("\r\n"));
        assertThat(english.get(0)).startsWith("\uFEFFSemaine du Numérique — file made on ");
        assertThat(english.get(3)).contains(";29 January 2026, 30 January 2026 (waiting list);");

        ServiceApi.Response xlsx = api().get(LIST + ".xlsx?edition=3%20(2026)&q=" + marker, organizer());
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("Content-Disposition")).startsWith("attachment").contains("participants-").contains(".xlsx");
        List<List<Object>> rows = XlsxRows.read(xlsx.bytes());
        assertThat(rows).hasSize(4);
        assertThat((String) rows.get(0).get(0)).startsWith("Édition 3 (2026) — fichier établi le ");
        assertThat(rows.get(2)).startsWith("'=Awa " + marker, "'=Awa " + marker + "@demo.sdn.ml", "", "Burkina Faso");
        assertThat(rows.get(3)).startsWith("Moussa Traoré " + marker, "Moussa Traoré " + marker + "@demo.sdn.ml", "'+22365012345");
    }

    @Test
    void a_coordinators_export_holds_their_delegation_only_whatever_the_filter_says() {
        String marker = marker();
        register("Awa " + marker, "ML", null, null);
        register("Boubacar " + marker, "BF", null, null);

        ServiceApi.Response own = api().get(LIST + ".csv?q=" + marker, coordinator("BF"));
        ServiceApi.Response tampered = api().get(LIST + ".csv?country=ML&q=" + marker, coordinator("BF"));

        assertThat(own.body().split("\r\n")).hasSize(3);
        assertThat(own.body()).contains("Boubacar " + marker).doesNotContain("Awa");
        assertThat(tampered.status()).isEqualTo(200);
        assertThat(tampered.body().split("\r\n")).hasSize(2);
        assertThat(tampered.body()).doesNotContain("Awa");
        List<List<Object>> tamperedXlsx = XlsxRows.read(api().get(LIST + ".xlsx?country=ML&q=" + marker, coordinator("BF")).bytes());
        assertThat(tamperedXlsx).hasSize(2);
        assertThat(XlsxRows.read(api().get(LIST + ".xlsx?q=" + marker, coordinator("BF")).bytes()).get(2).get(0))
                .isEqualTo("Boubacar " + marker);
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
            womenLed=maybe                  | womenLed
            day=2026-13-01                  | day
            day=tomorrow                    | day
            day={"$ne":null}                | day
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

    /** A named organisation, women-led or not, as the organisations feature stores it. */
    private void organization(String name, String type, String sector, String country, boolean womenLed, String owner,
                              String member) {
        List<Document> members = new ArrayList<>();
        members.add(new Document("memberId", UUID.randomUUID().toString()).append("participantId", owner)
                .append("name", "owner").append("role", "CEO").append("lead", true));
        if (member != null) {
            members.add(new Document("memberId", UUID.randomUUID().toString()).append("participantId", member)
                    .append("name", "member").append("role", "CTO").append("lead", false));
        }
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("type", type).append("sector", sector)
                .append("country", country).append("name", name).append("nameKey", SearchKey.of(name)).append("ownerId", owner)
                .append("womenLed", womenLed).append("members", members), ParticipantDirectory.ORGANIZATIONS);
    }

    /** A registration for a day, as the attendance feature stores it. */
    private void attendance(String participant, String country, String day, String status) {
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("participantId", participant)
                .append("country", country).append("day", day).append("status", status), ParticipantDirectory.ATTENDANCES);
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
