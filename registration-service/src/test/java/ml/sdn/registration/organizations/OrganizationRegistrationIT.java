package ml.sdn.registration.organizations;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.registration.OrganizationMember;
import ml.sdn.events.registration.OrganizationRegistered;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationRegistrationIT extends OrganizationFixtures {

    @Test
    void registers_an_organisation_owned_by_its_creator_who_is_a_member() {
        Person owner = participant("ML");
        String name = uniqueName("Sahel Data");

        ServiceApi.Response created = api().postJson(ORGANIZATIONS, owner.token(), startUp(name, "ML"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(body.get("name").asString()).isEqualTo(name);
        assertThat(body.get("type").asString()).isEqualTo("START_UP");
        assertThat(body.get("country").asString()).isEqualTo("ML");
        assertThat(body.get("sector").asString()).isEqualTo("E_GOVERNMENT");
        assertThat(body.get("foundingYear").asInt()).isEqualTo(2022);
        assertThat(body.get("registrationNumber").asString()).isEqualTo("MA.BKO.2022.B.1234");
        assertThat(body.get("ownerId").asString()).isEqualTo(owner.id());
        assertThat(body.get("ownedByYou").asBoolean()).isTrue();
        assertThat(body.get("members")).hasSize(3);
        JsonNode creator = body.get("members").get(0);
        assertThat(creator.get("participantId").asString()).isEqualTo(owner.id());
        assertThat(creator.get("name").asString()).isEqualTo(owner.username());
        assertThat(creator.get("role").asString()).isEqualTo("CEO");
        assertThat(creator.get("lead").asBoolean()).isTrue();
        assertThat(creator.get("joined").asBoolean()).isTrue();
        JsonNode declared = body.get("members").get(1);
        assertThat(declared.get("participantId").isNull()).isTrue();
        assertThat(declared.get("joined").asBoolean()).isFalse();
        assertThat(declared.get("gender").asString()).isEqualTo("FEMALE");

        ServiceApi.Response read = api().get(ORGANIZATIONS + "/" + id, owner.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(body);
    }

    @Test
    void answers_201_with_the_location_of_the_new_organisation() {
        Person owner = participant("BF");
        ServiceApi.Response response = api().postJson(ORGANIZATIONS, owner.token(), startUp(uniqueName("Faso Tech"), "BF"));

        assertThat(response.status()).isEqualTo(201);
        String id = OrganizationEvents.JSON.readTree(response.body()).get("id").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/registrations/organizations/" + id);
    }

    @Test
    void stores_the_agreed_document_shape() {
        Person owner = participant("NE");
        String id = register(owner, startUp("  Niamey   Numérique " + unique("x"), "NE")).get("id").asString();

        Document stored = mongo.findById(id, Document.class, "organizations");

        assertThat(stored).containsKeys("name", "nameKey", "type", "country", "sector", "foundingYear", "registrationNumber",
                "description", "ownerId", "members", "womenLed", "registeredAt", "updatedAt", "version", "outbox");
        assertThat(stored.getString("name")).startsWith("Niamey   Numérique");
        assertThat(stored.getString("nameKey")).startsWith("niamey numerique ");
        assertThat(stored.getString("type")).isEqualTo("START_UP");
        assertThat(stored.getString("ownerId")).isEqualTo(owner.id());
        assertThat(stored.getBoolean("womenLed")).isFalse();
        Document member = stored.getList("members", Document.class).get(1);
        assertThat(member).containsKeys("memberId", "participantId", "name", "role", "gender", "lead");
        assertThat(member.get("participantId")).isNull();
        assertThat(member.getString("gender")).isEqualTo("FEMALE");
    }

    @Test
    void women_led_is_derived_from_the_members_and_a_sent_value_is_ignored() {
        Person maleLed = participant("ML");
        String body = startUp(uniqueName("Mali Agri"), "ML").replaceFirst("\\{", "{\"womenLed\":true,");

        JsonNode menLed = register(maleLed, body);

        assertThat(menLed.get("womenLed").asBoolean()).isFalse();
        assertThat(mongo.findById(menLed.get("id").asString(), Document.class, "organizations").getBoolean("womenLed")).isFalse();

        JsonNode womanLead = register(participant("ML"), organization("SME", uniqueName("Awa Conseil"), "ML", "MALE", false, """
                [{"name":"Awa","role":"CEO","gender":"FEMALE","lead":true},{"name":"Ali","role":"Dev","gender":"MALE"},
                 {"name":"Oumar","role":"Dev","gender":"MALE"}]"""));
        assertThat(womanLead.get("womenLed").asBoolean()).isTrue();

        JsonNode tie = register(participant("ML"), organization("PROJECT_TEAM", uniqueName("Equipe"), "ML", "FEMALE", false, """
                [{"name":"Ali","role":"Lead","gender":"MALE","lead":true},{"name":"Fanta","role":"Dev","gender":"FEMALE"},
                 {"name":"Oumar","role":"Dev","gender":"NOT_STATED"}]"""));
        assertThat(tie.get("womenLed").asBoolean()).as("2 women of 4 is not a majority").isFalse();
    }

    @Test
    void the_creators_gender_comes_from_their_profile_when_the_body_does_not_say() {
        Person owner = participant("BF");
        mongo.updateFirst(new Query(Criteria.where("_id").is(owner.id())), new Update().set("gender", "FEMALE"), "participants");

        JsonNode created = register(owner, """
                {"type":"SME","name":"%s","country":"BF","sector":"CULTURE","foundingYear":2015,
                 "description":"Festival","creator":{"role":"Directrice","lead":true}}""".formatted(uniqueName("Ouaga Culture")));

        assertThat(created.get("members").get(0).get("gender").asString()).isEqualTo("FEMALE");
        assertThat(created.get("womenLed").asBoolean()).isTrue();
    }

    @Test
    void a_name_taken_in_the_country_ignoring_case_accents_and_spaces_gives_409() {
        String suffix = unique("x");
        register(participant("ML"), startUp("Société Générale " + suffix, "ML"));

        ServiceApi.Response again = api().postJson(ORGANIZATIONS, participant("ML").token(), startUp("societe  generale " + suffix, "ML"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains("existe déjà");
        assertThat(api().postJson(ORGANIZATIONS, participant("NE").token(), startUp("SOCIÉTÉ GÉNÉRALE " + suffix, "NE")).status())
                .as("the same name in another country").isEqualTo(201);
    }

    @Test
    void two_simultaneous_registrations_of_one_name_cannot_both_win() throws Exception {
        String name = uniqueName("Course");
        Person first = participant("ML");
        Person second = participant("ML");

        List<Integer> statuses = race(() -> api().postJson(ORGANIZATIONS, first.token(), startUp(name, "ML")).status(),
                () -> api().postJson(ORGANIZATIONS, second.token(), startUp(name.toUpperCase(), "ML")).status());

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(mongo.count(new Query(Criteria.where("nameKey").is(NameKey.of(name))), "organizations")).isEqualTo(1);
    }

    @Test
    void a_participant_owns_or_belongs_to_at_most_one_organisation_per_type() {
        Person owner = participant("NE");
        register(owner, startUp(uniqueName("First"), "NE"));

        ServiceApi.Response second = api().postJson(ORGANIZATIONS, owner.token(), startUp(uniqueName("Second"), "NE"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("start-up");
        assertThat(api().postJson(ORGANIZATIONS, owner.token(), organization("SME", uniqueName("Other type"), "NE", "MALE", true, "[]"))
                .status()).isEqualTo(201);
        assertThat(mongo.exists(new Query(Criteria.where("_id").is(owner.id() + ":START_UP")), Memberships.COLLECTION)).isTrue();
    }

    @Test
    void two_simultaneous_registrations_of_the_same_type_by_one_person_cannot_both_win() throws Exception {
        Person owner = participant("BF");

        List<Integer> statuses = race(() -> api().postJson(ORGANIZATIONS, owner.token(), startUp(uniqueName("One"), "BF")).status(),
                () -> api().postJson(ORGANIZATIONS, owner.token(), startUp(uniqueName("Two"), "BF")).status());

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(mongo.count(new Query(Criteria.where("ownerId").is(owner.id())), "organizations")).isEqualTo(1);
    }

    @Test
    void a_refused_registration_frees_the_place_it_had_claimed() {
        String name = uniqueName("Taken");
        register(participant("ML"), startUp(name, "ML"));
        Person late = participant("ML");

        assertThat(api().postJson(ORGANIZATIONS, late.token(), startUp(name, "ML")).status()).isEqualTo(409);

        assertThat(api().postJson(ORGANIZATIONS, late.token(), startUp(uniqueName("Free"), "ML")).status()).isEqualTo(201);
    }

    @Test
    void a_claim_left_by_a_crash_does_not_block_the_person_for_good() {
        Person owner = participant("ML");
        mongo.insert(new Document("_id", owner.id() + ":START_UP").append("participantId", owner.id())
                .append("type", "START_UP").append("organizationId", "never-written")
                .append("claimedAt", java.util.Date.from(Instant.now().minus(Memberships.GRACE).minusSeconds(5))),
                Memberships.COLLECTION);

        assertThat(api().postJson(ORGANIZATIONS, owner.token(), startUp(uniqueName("After crash"), "ML")).status()).isEqualTo(201);
    }

    @Test
    void the_country_must_be_the_callers_own() {
        ServiceApi.Response response = api().postJson(ORGANIZATIONS, participant("ML").token(), startUp(uniqueName("Elsewhere"), "BF"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("country");
    }

    @Test
    void a_person_who_changed_their_account_country_still_registers_in_the_country_of_their_profile() {
        Person person = participant("ML");
        // the same account, after the person switched their country to BF in Keycloak
        String movedToBurkina = ISSUER.token(person.username(), "BF", "participant");

        ServiceApi.Response inBurkina = api().postJson(ORGANIZATIONS, movedToBurkina, startUp(uniqueName("Moved"), "BF"));

        assertThat(inBurkina.status()).isEqualTo(400);
        assertThat(inBurkina.json().get("errors").findValuesAsString("field")).containsExactly("country");
    }

    @Test
    void a_person_moved_by_an_organizer_registers_in_their_new_delegation_whatever_their_token_says() {
        Person person = participant("ML");
        String organizer = token("organizer", "NE");
        ServiceApi.Response moved = api().put("/api/registrations/participants/" + TestIssuer.subjectOf(person.username())
                + "/delegation", organizer, "{\"country\":\"BF\",\"reason\":\"Vit à Bobo-Dioulasso\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        // the Keycloak attribute still says ML: the token is not what places the person
        ServiceApi.Response inBurkina = api().postJson(ORGANIZATIONS, person.token(), startUp(uniqueName("Moved"), "BF"));
        ServiceApi.Response inMali = api().postJson(ORGANIZATIONS, person.token(), startUp(uniqueName("Former"), "ML"));

        assertThat(inBurkina.status()).as(inBurkina.body()).isEqualTo(201);
        assertThat(inMali.status()).isEqualTo(400);
        assertThat(inMali.json().get("errors").findValuesAsString("field")).containsExactly("country");
    }

    @Test
    void a_caller_without_a_participant_profile_is_told_to_create_it_first() {
        ServiceApi.Response response = api().postJson(ORGANIZATIONS, token("participant", "ML"), startUp(uniqueName("No profile"), "ML"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).isEqualTo("Créez d'abord votre profil de participant.");
    }

    @Test
    void a_person_who_erased_their_profile_has_none_to_register_an_organisation_with() {
        Person person = participant("ML");
        assertThat(api().delete("/api/registrations/participants/me", person.token()).status()).isEqualTo(204);

        ServiceApi.Response response = api().postJson(ORGANIZATIONS, person.token(), startUp(uniqueName("Erased"), "ML"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).isEqualTo("Créez d'abord votre profil de participant.");
    }

    @Test
    void a_name_spelt_with_invisible_or_full_width_characters_is_the_taken_name() {
        String suffix = unique("x");
        register(participant("ML"), startUp("Acme " + suffix, "ML"));

        ServiceApi.Response zeroWidth = api().postJson(ORGANIZATIONS, participant("ML").token(),
                startUp("Acme\u200B " + suffix, "ML"));
        ServiceApi.Response fullWidth = api().postJson(ORGANIZATIONS, participant("ML").token(),
                startUp("\uFF21\uFF43\uFF4D\uFF45 " + suffix, "ML"));

        assertThat(zeroWidth.status()).as(zeroWidth.body()).isEqualTo(409);
        assertThat(fullWidth.status()).as(fullWidth.body()).isEqualTo(409);
    }

    @Test
    void a_name_of_invisible_characters_is_refused_naming_it() {
        ServiceApi.Response response = api().postJson(ORGANIZATIONS, participant("ML").token(),
                startUp("\u200B\u200B\u200B", "ML"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("name");
    }

    @Test
    void only_participants_register_organisations() {
        assertThat(api().postJson(ORGANIZATIONS, token("jury", "ML"), startUp(uniqueName("Jury"), "ML")).status()).isEqualTo(403);
        assertThat(api().postJson(ORGANIZATIONS, null, startUp(uniqueName("Anonymous"), "ML")).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown type          | "type":"START_UP"           | "type":"NGO"                          | type
            type as a number      | "type":"START_UP"           | "type":1                              | type
            no type               | "type":"START_UP",          | ``                                    | type
            unknown sector        | "sector":"E_GOVERNMENT"     | "sector":"MINING"                     | sector
            sector in lower case  | "sector":"E_GOVERNMENT"     | "sector":"e_government"               | sector
            year before 1900      | "foundingYear":2022         | "foundingYear":1899                   | foundingYear
            year in the future    | "foundingYear":2022         | "foundingYear":NEXT_YEAR              | foundingYear
            year as text          | "foundingYear":2022         | "foundingYear":"deux mille"           | foundingYear
            bad country           | "country":"ML"              | "country":"SN"                        | country
            registration number   | "registrationNumber":"MA.BKO.2022.B.1234" | "registrationNumber":"<script>" | registrationNumber
            blank name            | "name":"NAME"               | "name":"   "                          | name
            oversized name        | "name":"NAME"               | "name":"LONG_NAME"                    | name
            oversized description | "description":"Des services publics en ligne" | "description":"LONG_DESCRIPTION" | description
            operator object name  | "name":"NAME"               | "name":{"$gt":""}                     | name
            unknown member gender | "gender":"FEMALE"           | "gender":"F"                          | members[0].gender
            oversized member role | "role":"CTO"                | "role":"LONG_ROLE"                    | members[0].role
            two leads             | "gender":"FEMALE"           | "gender":"FEMALE","lead":true         | members
            no lead               | "lead":true                 | "lead":false                          | members
            no creator            | "creator":                  | "nobody":                             | creator
            bad creator gender    | "gender":"MALE"             | "gender":"HOMME"                      | creator.gender
            """)
    void rejects_bad_input_with_a_400_problem_naming_the_field(String label, String replaced, String replacement, String field) {
        String name = uniqueName("Bad");
        String body = startUp("NAME", "ML")
                .replace(replaced, replacement
                        .replace("NEXT_YEAR", String.valueOf(Year.now().getValue() + 1))
                        .replace("LONG_NAME", "n".repeat(121))
                        .replace("LONG_DESCRIPTION", "d".repeat(2001))
                        .replace("LONG_ROLE", "r".repeat(61)))
                .replace("NAME", name);

        ServiceApi.Response response = api().postJson(ORGANIZATIONS, participant("ML").token(), body);

        assertThat(response.status()).as(label + ": " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).as(label).contains(field);
    }

    @Test
    void an_operator_string_as_a_name_is_stored_as_plain_text() {
        Person owner = participant("ML");
        String name = "{\\\"$gt\\\": \\\"\\\"} " + unique("x");

        JsonNode created = register(owner, startUp(name, "ML"));

        assertThat(created.get("name").asString()).startsWith("{\"$gt\": \"\"}");
        assertThat(mongo.count(new Query(Criteria.where("ownerId").is(owner.id())), "organizations")).isEqualTo(1);
    }

    @Test
    void validation_messages_are_french_by_default_and_english_on_request() {
        String body = startUp(uniqueName("Langue"), "ML").replace("\"sector\":\"E_GOVERNMENT\"", "\"sector\":\"MINING\"");
        Person owner = participant("ML");

        String french = api().postJson(ORGANIZATIONS, owner.token(), body).json().get("errors").get(0).get("message").asString();
        String english = api().postJson(ORGANIZATIONS, owner.token(), body, "Accept-Language", "en").json().get("errors").get(0)
                .get("message").asString();

        assertThat(french).isEqualTo("secteur inconnu (voir la liste des secteurs)");
        assertThat(english).isEqualTo("unknown sector (see the list of sectors)");
    }

    @Test
    void lists_the_sectors_with_labels_in_the_callers_language() {
        String token = token("participant", "NE");

        JsonNode french = api().get(ORGANIZATIONS + "/sectors", token).json();
        JsonNode english = api().get(ORGANIZATIONS + "/sectors", token, "Accept-Language", "en").json();

        assertThat(french.findValuesAsString("code")).contains("E_GOVERNMENT", "CULTURE", "ARTIFICIAL_INTELLIGENCE",
                "AGRICULTURE", "FINTECH", "HEALTH", "EDUCATION", "ENERGY", "COMMERCE", "TRANSPORT", "OTHER");
        assertThat(french.get(0).get("label").asString()).isEqualTo("E-gouvernement");
        assertThat(english.get(0).get("label").asString()).isEqualTo("E-government");
    }

    @Test
    void registering_publishes_organization_registered_keyed_by_the_organisation() {
        Person owner = participant("NE");
        String id = register(owner, startUp(uniqueName("Evenement"), "NE")).get("id").asString();

        OrganizationEvents.Received<OrganizationRegistered> received = OrganizationEvents.awaitEvent(broker.getBrokersAsString(),
                id, OrganizationRegistered.TYPE.type(), OrganizationRegistered.class, event -> true);

        assertThat(received.record().key()).isEqualTo(id);
        assertThat(OrganizationEvents.header(received.record(), CloudEventHeaders.SUBJECT)).isEqualTo(id);
        OrganizationRegistered event = received.event();
        assertThat(event.organizationId()).isEqualTo(id);
        assertThat(event.type()).isEqualTo("START_UP");
        assertThat(event.country()).isEqualTo("NE");
        assertThat(event.sector()).isEqualTo("E_GOVERNMENT");
        assertThat(event.ownerId()).isEqualTo(owner.id());
        assertThat(event.womenLed()).isFalse();
        assertThat(event.members()).extracting(OrganizationMember::participantId).containsExactly(owner.id(), null, null);
        assertThat(event.members()).filteredOn(OrganizationMember::lead).singleElement()
                .extracting(OrganizationMember::participantId).isEqualTo(owner.id());
    }

    @Test
    void the_api_document_states_the_women_led_rule() {
        ServiceApi.Response document = api().get("/api/registrations/openapi", null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("/api/registrations/organizations/invitations/accept")
                .contains("women are the strict majority of all its members");
    }

    @SafeVarargs
    private static <T> List<T> race(Callable<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new java.util.ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
