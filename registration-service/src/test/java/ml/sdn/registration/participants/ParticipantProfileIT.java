package ml.sdn.registration.participants;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.registration.ServiceIT;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static ml.sdn.registration.participants.ParticipantEvents.header;
import static org.assertj.core.api.Assertions.assertThat;

class ParticipantProfileIT extends ServiceIT {

    private static final String ME = "/api/registrations/participants/me";
    private static final String VALID = """
            {"preferredLanguage":"en","consent":{"accepted":true,"version":"2026-01"}}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MongoTemplate mongo;

    @AfterAll
    static void closeConsumer() {
        ParticipantEvents.close();
    }

    @Test
    void creates_then_reads_the_callers_profile_with_identity_from_the_token() {
        String user = unique("participant");
        String token = ISSUER.token(user, "ML", "participant");

        ServiceApi.Response created = api().put(ME, token, VALID);
        assertThat(created.status()).isEqualTo(201);

        ServiceApi.Response read = api().get(ME, token);
        assertThat(read.status()).isEqualTo(200);
        JsonNode body = read.json();
        assertThat(body.get("id").asString()).isEqualTo(TestIssuer.subjectOf(user));
        assertThat(body.get("username").asString()).isEqualTo(user);
        assertThat(body.get("email").asString()).isEqualTo(user + "@demo.sdn.ml");
        assertThat(body.get("country").asString()).isEqualTo("ML");
        assertThat(body.get("preferredLanguage").asString()).isEqualTo("en");
        assertThat(body.get("consent").get("accepted").asBoolean()).isTrue();
        assertThat(body.get("consent").get("version").asString()).isEqualTo("2026-01");
        assertThat(body.get("consent").get("acceptedAt").isNull()).isFalse();
    }

    @Test
    void preferred_language_defaults_to_french_and_gender_to_not_stated() {
        String token = ISSUER.token(unique("participant"), "BF", "participant");

        ServiceApi.Response created = api().put(ME, token, """
                {"consent":{"accepted":true,"version":"2026-01"}}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("preferredLanguage").asString()).isEqualTo("fr");
        assertThat(created.json().get("gender").asString()).isEqualTo("NOT_STATED");
        assertThat(created.json().get("phone").isNull()).isTrue();
    }

    @Test
    void a_gender_not_given_is_stored_as_none_and_an_explicit_not_stated_as_such() {
        String silent = unique("participant");
        String chose = unique("participant");

        api().put(ME, ISSUER.token(silent, "BF", "participant"), VALID);
        ServiceApi.Response explicit = api().put(ME, ISSUER.token(chose, "BF", "participant"), """
                {"gender":"NOT_STATED","consent":{"accepted":true,"version":"2026-01"}}""");

        assertThat(explicit.json().get("gender").asString()).isEqualTo("NOT_STATED");
        assertThat(mongo.findById(TestIssuer.subjectOf(silent), Document.class, Participant.COLLECTION))
                .as("organisations tell the two apart").doesNotContainKey("gender");
        assertThat(mongo.findById(TestIssuer.subjectOf(chose), Document.class, Participant.COLLECTION).getString("gender"))
                .isEqualTo("NOT_STATED");
    }

    @Test
    void the_country_of_the_first_registration_stays_whatever_country_a_later_token_says() {
        String user = unique("participant");
        String inMali = ISSUER.token(user, "ML", "participant");
        String inBurkina = ISSUER.token(user, "BF", "participant");
        api().put(ME, inMali, VALID);

        ServiceApi.Response edited = api().put(ME, inBurkina, """
                {"consent":{"accepted":true,"version":"2026-02"},"phone":"65 01 23 45"}""");
        ServiceApi.Response claimingBurkina = api().put(ME, inBurkina, """
                {"country":"BF","consent":{"accepted":true,"version":"2026-02"}}""");

        assertThat(edited.status()).as("the person is not locked out: the token's country is not read").isEqualTo(200);
        assertThat(edited.json().get("country").asString()).isEqualTo("ML");
        assertThat(edited.json().get("phone").asString()).as("the phone plan is the delegation's").isEqualTo("+22365012345");
        assertThat(claimingBurkina.status()).isEqualTo(400);
        assertThat(claimingBurkina.json().get("errors").findValuesAsString("field")).containsExactly("country");
        assertThat(api().get(ME, inBurkina).json().get("country").asString()).isEqualTo("ML");
    }

    @Test
    void a_phone_of_the_plan_of_a_later_tokens_country_is_refused() {
        String user = unique("participant");
        api().put(ME, ISSUER.token(user, "ML", "participant"), VALID);

        ServiceApi.Response response = api().put(ME, ISSUER.token(user, "BF", "participant"), """
                {"consent":{"accepted":true,"version":"2026-01"},"phone":"+226 70 12 34 56"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("phone");
    }

    @Test
    void the_profile_fields_are_kept_and_shown_to_their_owner_gender_included() {
        String token = ISSUER.token(unique("participant"), "NE", "participant");

        api().put(ME, token, """
                {"consent":{"accepted":true,"version":"2026-01"},"phone":"93 12 34 56","city":"  Niamey ",
                 "region":"Niamey","gender":"FEMALE"}""");

        JsonNode mine = api().get(ME, token).json();
        assertThat(mine.get("phone").asString()).isEqualTo("+22793123456");
        assertThat(mine.get("city").asString()).isEqualTo("Niamey");
        assertThat(mine.get("region").asString()).isEqualTo("Niamey");
        assertThat(mine.get("gender").asString()).isEqualTo("FEMALE");
    }

    @ParameterizedTest(name = "{1} from {0} is stored as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ML | 65 01 23 45          | +22365012345
            ML | +223 20 21 23 45     | +22320212345
            BF | 70 12 34 56          | +22670123456
            BF | 00226 70-12-34-56    | +22670123456
            NE | 93 12 34 56          | +22793123456
            NE | (+227) 20.20.12.34   | +22720201234
            """)
    void stores_a_phone_of_the_callers_country_in_e164(String country, String phone, String e164) {
        String token = ISSUER.token(unique("participant"), country, "participant");

        ServiceApi.Response created = api().put(ME, token, withPhone(phone));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("phone").asString()).isEqualTo(e164);
        assertThat(api().get(ME, token).json().get("phone").asString()).isEqualTo(e164);
    }

    @ParameterizedTest(name = "{1} refused for a caller from {0}")
    @CsvSource(delimiter = '|', textBlock = """
            BF | +223 65 01 23 45
            ML | +226 70 12 34 56
            NE | 00223 65 01 23 45
            ML | +33 6 12 34 56 78
            NE | 65 01 23 45
            ML | 12
            """)
    void refuses_a_phone_of_another_plan_naming_the_field(String country, String phone) {
        ServiceApi.Response response = api().put(ME, ISSUER.token(unique("participant"), country, "participant"), withPhone(phone));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("phone");
    }

    @Test
    void the_phone_refusal_names_the_callers_plan_in_the_callers_language() {
        String token = ISSUER.token(unique("participant"), "BF", "participant");

        String french = api().put(ME, token, withPhone("+223 65 01 23 45")).json().get("errors").get(0).get("message").asString();
        String english = api().put(ME, token, withPhone("+223 65 01 23 45"), "Accept-Language", "en")
                .json().get("errors").get(0).get("message").asString();

        assertThat(french).isEqualTo("doit être un numéro valide de votre pays (+226)");
        assertThat(english).isEqualTo("must be a valid number of your country (+226)");
    }

    @Test
    void a_country_in_the_body_equal_to_the_tokens_is_ignored() {
        ServiceApi.Response created = api().put(ME, ISSUER.token(unique("participant"), "NE", "participant"), """
                {"country":"NE","consent":{"accepted":true,"version":"2026-01"}}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("country").asString()).isEqualTo("NE");
    }

    @ParameterizedTest(name = "country {0}")
    @CsvSource({"ML", "BF", "FR", "'{\"$ne\": null}'"})
    void refuses_a_country_in_the_body_other_than_the_tokens(String country) {
        String user = unique("participant");
        String token = ISSUER.token(user, "NE", "participant");
        api().put(ME, token, VALID);

        ServiceApi.Response response = api().put(ME, token, """
                {"country":%s,"consent":{"accepted":true,"version":"2026-01"}}""".formatted(JSON.writeValueAsString(country)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("country");
        assertThat(api().get(ME, token).json().get("country").asString()).isEqualTo("NE");
    }

    @ParameterizedTest(name = "city {0}")
    @ValueSource(strings = {"12345", "1.5", "true"})
    void refuses_a_number_or_a_boolean_where_text_is_expected_naming_the_field(String city) {
        String token = ISSUER.token(unique("participant"), "ML", "participant");

        ServiceApi.Response response = api().put(ME, token, """
                {"city":%s,"consent":{"accepted":true,"version":"2026-01"}}""".formatted(city));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("city");
        assertThat(api().get(ME, token).status()).as("no profile made of it").isEqualTo(404);
    }

    @Test
    void every_wrong_field_is_named_in_one_problem() {
        ServiceApi.Response response = api().put(ME, ISSUER.token(unique("participant"), "ML", "participant"), """
                {"country":"BF","phone":"+226 70 12 34 56","gender":"OTHER","consent":{"accepted":true,"version":"1"}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("country", "phone", "gender");
    }

    @Test
    void fields_the_api_does_not_know_and_identity_fields_in_the_body_are_ignored() {
        String user = unique("participant");
        String token = ISSUER.token(user, "ML", "participant");

        ServiceApi.Response created = api().put(ME, token, """
                {"consent":{"accepted":true,"version":"2026-01"},"email":"someone-else@example.org",
                 "id":"another-id","username":"admin","displayName":"Somebody","role":"organizer","erasedAt":"2020-01-01T00:00:00Z"}""");

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = api().get(ME, token).json();
        assertThat(body.get("id").asString()).isEqualTo(TestIssuer.subjectOf(user));
        assertThat(body.get("email").asString()).isEqualTo(user + "@demo.sdn.ml");
        assertThat(body.get("username").asString()).isEqualTo(user);
        assertThat(body.get("displayName").asString()).isEqualTo(user);
    }

    @Test
    void a_token_without_an_aes_country_cannot_register() {
        ServiceApi.Response noCountry = api().put(ME, ISSUER.token(unique("participant"), null, "participant"), VALID);
        ServiceApi.Response otherCountry = api().put(ME, ISSUER.token(unique("participant"), "FR", "participant"), VALID);

        assertThat(noCountry.status()).isEqualTo(403);
        assertThat(noCountry.contentType()).startsWith("application/problem+json");
        assertThat(otherCountry.status()).isEqualTo(403);
    }

    @Test
    void updating_an_existing_profile_answers_200_and_keeps_the_registration_date() {
        String token = ISSUER.token(unique("participant"), "NE", "participant");
        JsonNode first = api().put(ME, token, VALID).json();

        ServiceApi.Response updated = api().put(ME, token, """
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("preferredLanguage").asString()).isEqualTo("fr");
        assertThat(updated.json().get("registeredAt").asString()).isEqualTo(first.get("registeredAt").asString());
        assertThat(api().get(ME, token).json().get("preferredLanguage").asString()).isEqualTo("fr");
    }

    @Test
    void a_new_terms_version_is_dated_again_and_the_same_version_keeps_its_date() {
        String user = unique("participant");
        String token = ISSUER.token(user, "ML", "participant");
        String firstDate = api().put(ME, token, VALID).json().get("consent").get("acceptedAt").asString();

        String sameVersion = api().put(ME, token, """
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}""").json()
                .get("consent").get("acceptedAt").asString();
        JsonNode newVersion = api().put(ME, token, """
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-02"}}""").json().get("consent");

        assertThat(sameVersion).isEqualTo(firstDate);
        assertThat(newVersion.get("version").asString()).isEqualTo("2026-02");
        assertThat(newVersion.get("acceptedAt").asString()).isGreaterThanOrEqualTo(firstDate);
        assertThat(mongo.findById(TestIssuer.subjectOf(user), Document.class, Participant.COLLECTION)
                .getList("consentHistory", Document.class)).extracting(c -> c.getString("version"))
                .containsExactly("2026-01", "2026-02");
    }

    @Test
    void the_same_person_registering_from_two_requests_at_once_gets_one_profile_and_no_error() {
        String token = ISSUER.token(unique("participant"), "ML", "participant");

        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Integer> statuses;
        try {
            statuses = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api().put(ME, token, VALID).status(), threads))
                    .toList().stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }

        assertThat(statuses).containsOnly(200, 201).contains(201);
        assertThat(api().get(ME, token).status()).isEqualTo(200);
    }

    @Test
    void a_caller_without_a_profile_gets_a_404_problem() {
        ServiceApi.Response response = api().get(ME, ISSUER.token(unique("nobody"), "ML", "participant"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void another_users_profile_is_not_reachable() {
        String owner = unique("owner");
        api().put(ME, ISSUER.token(owner, "ML", "participant"), VALID);

        ServiceApi.Response otherRead = api().get(ME, ISSUER.token(unique("other"), "ML", "participant"));
        ServiceApi.Response byId = api().get("/api/registrations/participants/" + TestIssuer.subjectOf(owner),
                ISSUER.token(unique("other"), "ML", "participant"));
        ServiceApi.Response exportById = api().get("/api/registrations/participants/" + TestIssuer.subjectOf(owner) + "/export",
                ISSUER.token(unique("other"), "ML", "participant"));

        assertThat(otherRead.status()).isEqualTo(404);
        assertThat(otherRead.body()).doesNotContain(owner);
        // a person's page by id is the directory's, for organizers and coordinators: a participant is refused
        assertThat(byId.status()).isEqualTo(403);
        assertThat(byId.body()).doesNotContain(owner);
        assertThat(exportById.status()).isEqualTo(404);
        assertThat(exportById.body()).doesNotContain(owner);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing consent   | {"preferredLanguage":"fr"}                                           | consent
            consent refused   | {"consent":{"accepted":false,"version":"2026-01"}}                   | consent.accepted
            no terms version  | {"consent":{"accepted":true}}                                        | consent.version
            language de       | {"preferredLanguage":"de","consent":{"accepted":true,"version":"1"}} | preferredLanguage
            wrong type        | {"consent":{"accepted":{"x":1},"version":"1"}}                       | consent.accepted
            gender lower case | {"gender":"female","consent":{"accepted":true,"version":"1"}}        | gender
            gender unknown    | {"gender":"OTHER","consent":{"accepted":true,"version":"1"}}         | gender
            gender operator   | {"gender":{"$gt":""},"consent":{"accepted":true,"version":"1"}}      | gender
            city operator     | {"city":{"$gt":""},"consent":{"accepted":true,"version":"1"}}        | city
            phone operator    | {"phone":{"$where":"1"},"consent":{"accepted":true,"version":"1"}}   | phone
            phone letters     | {"phone":"tel:65012345","consent":{"accepted":true,"version":"1"}}   | phone
            """)
    void rejects_bad_input_with_a_400_problem_naming_the_field(String label, String body, String field) {
        ServiceApi.Response response = api().put(ME, ISSUER.token(unique("participant"), "ML", "participant"), body);

        assertThat(response.status()).as(label).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
    }

    @ParameterizedTest(name = "{0} of {1} characters")
    @CsvSource({"city, 81", "region, 81", "phone, 33", "country, 9"})
    void rejects_oversized_strings_naming_the_field(String field, int length) {
        String body = """
                {"%s":"%s","consent":{"accepted":true,"version":"1"}}""".formatted(field, "1".repeat(length));

        ServiceApi.Response response = api().put(ME, ISSUER.token(unique("participant"), "ML", "participant"), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
    }

    @Test
    void rejects_an_oversized_terms_version_naming_the_field() {
        ServiceApi.Response response = api().put(ME, ISSUER.token(unique("participant"), "ML", "participant"), """
                {"consent":{"accepted":true,"version":"%s"}}""".formatted("v".repeat(33)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("consent.version");
    }

    @Test
    void operator_strings_in_text_fields_are_kept_as_plain_text() {
        String token = ISSUER.token(unique("participant"), "ML", "participant");

        ServiceApi.Response created = api().put(ME, token, """
                {"city":"{\\"$gt\\": \\"\\"}","region":"$where: function() { return true; }",
                 "consent":{"accepted":true,"version":"{\\"$ne\\": null}"}}""");

        assertThat(created.status()).isEqualTo(201);
        JsonNode mine = api().get(ME, token).json();
        assertThat(mine.get("city").asString()).isEqualTo("{\"$gt\": \"\"}");
        assertThat(mine.get("region").asString()).isEqualTo("$where: function() { return true; }");
        assertThat(mine.get("consent").get("version").asString()).isEqualTo("{\"$ne\": null}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cut inside consent | {"consent": {     | consent
            not json at all    | consent=yes       | body
            empty body         | ''                | body
            """)
    void rejects_malformed_json_with_a_400_problem_naming_where_it_broke(String label, String body, String field) {
        ServiceApi.Response response = api().put(ME, ISSUER.token(unique("participant"), "ML", "participant"), body);

        assertThat(response.status()).as(label).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(field);
    }

    @Test
    void validation_messages_are_french_by_default_and_english_on_request() {
        String token = ISSUER.token(unique("participant"), "ML", "participant");
        String refused = """
                {"consent":{"accepted":false,"version":"1"}}""";

        String french = api().put(ME, token, refused).json().get("errors").get(0).get("message").asString();
        String english = api().put(ME, token, refused, "Accept-Language", "en").json().get("errors").get(0).get("message").asString();

        assertThat(french).isEqualTo("le consentement doit être accepté");
        assertThat(english).isEqualTo("consent must be accepted");
    }

    @Test
    void registering_publishes_participant_registered_keyed_by_subject_with_cloudevents_headers() {
        String user = unique("participant");
        String subject = TestIssuer.subjectOf(user);

        api().put(ME, ISSUER.token(user, "NE", "participant"), """
                {"preferredLanguage":"en","consent":{"accepted":true,"version":"2026-01"},"phone":"+227 93 12 34 56",
                 "city":"Zinder","gender":"FEMALE"}""");

        ConsumerRecord<String, String> record = ParticipantEvents.awaitRecord(brokers(), subject, ParticipantRegistered.TYPE.type());
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/sdn/registration-service");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(subject);
        assertThat(header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        ParticipantRegistered event = JSON.readValue(record.value(), ParticipantRegistered.class);
        assertThat(event.participantId()).isEqualTo(subject);
        assertThat(event.country()).isEqualTo("NE");
        assertThat(event.preferredLanguage()).isEqualTo("en");
        assertThat(event.registeredAt()).isNotNull();
        assertThat(event.phone()).isEqualTo("+22793123456");
        assertThat(event.city()).isEqualTo("Zinder");
        assertThat(event.gender()).isEqualTo("FEMALE");
    }

    @Test
    void updating_publishes_participant_profile_updated_after_the_registration() {
        String user = unique("participant");
        String subject = TestIssuer.subjectOf(user);
        String token = ISSUER.token(user, "BF", "participant");
        api().put(ME, token, VALID);
        api().put(ME, token, """
                {"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"},"phone":"70 12 34 56",
                 "city":"Bobo-Dioulasso","gender":"MALE"}""");

        ConsumerRecord<String, String> updated = ParticipantEvents.awaitRecord(brokers(), subject, ParticipantProfileUpdated.TYPE.type());
        ConsumerRecord<String, String> registered = ParticipantEvents.awaitRecord(brokers(), subject, ParticipantRegistered.TYPE.type());

        assertThat(updated.offset()).isGreaterThan(registered.offset());
        assertThat(updated.partition()).isEqualTo(registered.partition());
        ParticipantProfileUpdated event = JSON.readValue(updated.value(), ParticipantProfileUpdated.class);
        assertThat(event.preferredLanguage()).isEqualTo("fr");
        assertThat(event.phone()).isEqualTo("+22670123456");
        assertThat(event.city()).isEqualTo("Bobo-Dioulasso");
        assertThat(event.gender()).isEqualTo("MALE");
    }

    @Test
    void the_openapi_document_states_the_rules_and_hides_the_caller() {
        JsonNode paths = api().get("/api/registrations/openapi", null).json().get("paths");

        JsonNode list = paths.get("/api/registrations/participants").get("get");
        assertThat(list.get("description").asString()).contains("coordinator", "gender", "403");
        assertThat(list.get("parameters").findValuesAsString("name"))
                .containsExactlyInAnyOrder("country", "organizationType", "sector", "womenLed", "day", "q", "page", "size");
        assertThat(paths.get(ME).get("put").get("description").asString()).contains("E.164", "organizers");
        assertThat(paths.get(ME).get("delete").get("description").asString()).contains("ParticipantErased");
        assertThat(paths.get(ME + "/export").get("get")).isNotNull();
        assertThat(paths.get(ME).get("get").has("parameters")).isFalse();
    }

    private String brokers() {
        return broker.getBrokersAsString();
    }

    private static String withPhone(String phone) {
        return """
                {"phone":%s,"consent":{"accepted":true,"version":"2026-01"}}""".formatted(JSON.writeValueAsString(phone));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
