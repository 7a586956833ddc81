package ml.sdn.competition.editions;

import ml.sdn.competition.ServiceIT;
import ml.sdn.events.Topics;
import ml.sdn.events.competition.EditionCreated;
import ml.sdn.testing.PublishedEvents;
import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EditionsIT extends ServiceIT {

    private static final String EDITIONS = "/api/competitions/editions";
    /** Numbers 100..899 for editions of these tests; 990 for the current-edition test. */
    private static final AtomicInteger NUMBERS = new AtomicInteger(100);
    private static final int NEXT_YEAR = Year.now().getValue() + 1;

    private final String organizer = ISSUER.token("organizer-editions", "ML", "organizer");

    private static String editionJson(int number, int year, String start, String end) {
        return """
                {"number": %d, "year": %d, "startDate": "%s", "endDate": "%s", "venue": "CICB, Bamako",
                 "theme": "Le numérique au service de l'AES", "guestCountries": ["BF", "NE"]}
                """.formatted(number, year, start, end);
    }

    private static String futureEdition(int number) {
        return editionJson(number, NEXT_YEAR, NEXT_YEAR + "-11-18", NEXT_YEAR + "-11-20");
    }

    private String createEdition() {
        ServiceApi.Response created = api().postJson(EDITIONS, organizer, futureEdition(NUMBERS.getAndIncrement()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String phasesJson(String... starts) {
        Phase[] phases = Phase.values();
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            entries.add("{\"phase\": \"%s\", \"start\": \"%s\"}".formatted(phases[i], starts[i]));
        }
        return "[" + String.join(", ", entries) + "]";
    }

    private static String standardPhases() {
        return phasesJson(NEXT_YEAR + "-03-01T08:00", NEXT_YEAR + "-04-01T00:00", NEXT_YEAR + "-05-01T00:00",
                NEXT_YEAR + "-05-15T00:00", NEXT_YEAR + "-11-18T09:00", NEXT_YEAR + "-11-21T00:00");
    }

    private static String categoryJson(String code, String criteria, String phases) {
        return """
                {"code": "%s", "name": {"fr": "Défi start-up", "en": "Start-up challenge"},
                 "challenges": ["Agriculture", "Santé"], "criteria": %s, "preselectCount": 10, "phases": %s}
                """.formatted(code, criteria, phases);
    }

    private static final String CRITERIA = """
            [{"code": "impact", "label": {"fr": "Impact", "en": "Impact"}, "weight": 40},
             {"code": "innovation", "label": {"fr": "Innovation", "en": "Innovation"}, "weight": 35},
             {"code": "team", "label": {"fr": "Équipe", "en": "Team"}, "weight": 25}]
            """;

    private static List<String> fields(ServiceApi.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private static void assertRejected(ServiceApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).contains(field);
    }

    @Test
    void organizer_creates_an_edition_read_back_at_its_location() {
        int number = NUMBERS.getAndIncrement();
        ServiceApi.Response created = api().postJson(EDITIONS, organizer, futureEdition(number));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo(EDITIONS + "/" + id);
        JsonNode read = api().get(EDITIONS + "/" + id, ISSUER.token("someone-editions", "BF", "participant")).json();
        assertThat(read.get("number").asInt()).isEqualTo(number);
        assertThat(read.get("year").asInt()).isEqualTo(NEXT_YEAR);
        assertThat(read.get("startDate").asString()).isEqualTo(NEXT_YEAR + "-11-18");
        assertThat(read.get("endDate").asString()).isEqualTo(NEXT_YEAR + "-11-20");
        assertThat(read.get("venue").asString()).isEqualTo("CICB, Bamako");
        assertThat(read.get("guestCountries").toString()).isEqualTo("[\"BF\",\"NE\"]");
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void creating_an_edition_announces_it_keyed_by_its_id_so_other_services_know_it_exists() {
        int number = NUMBERS.getAndIncrement();
        String id = api().postJson(EDITIONS, organizer, futureEdition(number)).json().get("id").asString();

        try (PublishedEvents editions = new PublishedEvents(broker.getBrokersAsString(), Topics.COMPETITION_EDITIONS)) {
            JsonNode event = editions.await(id, EditionCreated.TYPE.type(), payload -> true);
            assertThat(event.get("editionId").asString()).isEqualTo(id);
            assertThat(event.get("number").asInt()).isEqualTo(number);
            assertThat(event.get("startDate").asString()).isEqualTo(NEXT_YEAR + "-11-18");
            assertThat(event.get("createdAt").isNull()).isFalse();
        }
    }

    @Test
    void a_second_edition_with_the_same_number_is_a_conflict() {
        int number = NUMBERS.getAndIncrement();
        assertThat(api().postJson(EDITIONS, organizer, futureEdition(number)).status()).isEqualTo(201);

        ServiceApi.Response again = api().postJson(EDITIONS, organizer, futureEdition(number), "Accept-Language", "en");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("Edition number " + number + " already exists.");
    }

    @Test
    void only_organizers_create_editions_and_categories() {
        String edition = createEdition();
        for (String role : List.of("participant", "jury", "coach", "coordinator")) {
            String token = ISSUER.token(role + "-editions", "ML", role);
            assertThat(api().postJson(EDITIONS, token, futureEdition(NUMBERS.getAndIncrement())).status())
                    .as(role).isEqualTo(403);
            assertThat(api().postJson(EDITIONS + "/" + edition + "/categories", token,
                    categoryJson("START_UP_CHALLENGE", CRITERIA, standardPhases())).status()).as(role).isEqualTo(403);
        }
        assertThat(api().postJson(EDITIONS, null, futureEdition(NUMBERS.getAndIncrement())).status()).isEqualTo(401);
        assertThat(api().postJson(EDITIONS, "not-a-token", futureEdition(NUMBERS.getAndIncrement())).status()).isEqualTo(401);
    }

    @Test
    void the_public_page_of_the_week_is_read_without_signing_in_but_a_bad_token_is_still_refused() {
        String edition = createEdition();
        assertThat(api().get(EDITIONS + "/" + edition, null).status()).isEqualTo(200);
        assertThat(api().get(EDITIONS + "/" + edition + "/categories", null).status()).isEqualTo(200);
        assertThat(api().get(EDITIONS + "/" + edition, "forged.token.value").status()).isEqualTo(401);
        assertThat(api().get(EDITIONS + "/current", ISSUER.expiredToken("late-reader", "ML", "participant")).status())
                .isEqualTo(401);
    }

    @Test
    void invalid_edition_fields_are_named() {
        assertRejected(api().postJson(EDITIONS, organizer, "{}"), "number");
        assertRejected(api().postJson(EDITIONS, organizer, "{}"), "guestCountries");
        int number = NUMBERS.getAndIncrement();
        assertRejected(api().postJson(EDITIONS, organizer, futureEdition(number).replace("\"NE\"", "\"SN\"")),
                "guestCountries[1]");
        assertRejected(api().postJson(EDITIONS, organizer, futureEdition(number).replace("\"NE\"", "\"BF\"")),
                "guestCountries");
        assertRejected(api().postJson(EDITIONS, organizer, futureEdition(number).replace("CICB, Bamako", "x".repeat(201))),
                "venue");
        assertRejected(api().postJson(EDITIONS, organizer, futureEdition(number).replace("Le numérique", "x".repeat(301))),
                "theme");
        assertRejected(api().postJson(EDITIONS, organizer,
                editionJson(number, NEXT_YEAR, NEXT_YEAR + "-11-18", NEXT_YEAR + "-11-17")), "endDate");
        assertRejected(api().postJson(EDITIONS, organizer,
                editionJson(number, NEXT_YEAR, (NEXT_YEAR + 1) + "-11-18", (NEXT_YEAR + 1) + "-11-20")), "startDate");
        assertRejected(api().postJson(EDITIONS, organizer,
                editionJson(number, NEXT_YEAR, NEXT_YEAR + "-13-18", NEXT_YEAR + "-11-20")), "startDate");
        assertRejected(api().postJson(EDITIONS, organizer, futureEdition(number).replace("\"number\": " + number,
                "\"number\": \"ten\"")), "number");
        assertRejected(api().postJson(EDITIONS, organizer, futureEdition(number).replace("\"number\": " + number,
                "\"number\": 0")), "number");
        assertRejected(api().postJson(EDITIONS, organizer, futureEdition(number).replace("\"number\": " + number,
                "\"number\": {\"$gt\": 0}")), "number");
    }

    @Test
    void every_invalid_edition_field_is_named_in_one_answer() {
        String body = editionJson(NUMBERS.getAndIncrement(), NEXT_YEAR, NEXT_YEAR + "-11-18", NEXT_YEAR + "-11-17")
                .replace("CICB, Bamako", "").replace("\"NE\"", "\"BF\"");

        ServiceApi.Response refused = api().postJson(EDITIONS, organizer, body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("venue", "endDate", "guestCountries");
    }

    @Test
    void an_unknown_edition_is_not_found() {
        String token = ISSUER.token("reader-editions", "NE", "participant");
        assertThat(api().get(EDITIONS + "/no-such-edition", token).status()).isEqualTo(404);
        assertThat(api().get(EDITIONS + "/no-such-edition/categories", token).status()).isEqualTo(404);
        assertThat(api().postJson(EDITIONS + "/no-such-edition/categories", organizer,
                categoryJson("PROJECT_CONTEST", CRITERIA, standardPhases())).status()).isEqualTo(404);
    }

    /**
     * One test for everything about the current edition: it is one value for the whole service, so tests
     * choosing it side by side would race.
     */
    @Test
    void the_current_edition_is_the_one_organizers_chose_never_the_highest_number() {
        String chosen = createEdition();
        String later = api().postJson(EDITIONS, organizer, futureEdition(990)).json().get("id").asString();
        String reader = ISSUER.token("jury-current", "BF", "jury");

        // chosen explicitly: the home page follows it even though 990 is higher and newer
        ServiceApi.Response choice = api().put(EDITIONS + "/current", organizer, "{\"editionId\": \"" + chosen + "\"}");
        assertThat(choice.status()).as(choice.body()).isEqualTo(200);
        assertThat(choice.json().get("current").asBoolean()).isTrue();
        ServiceApi.Response current = api().get(EDITIONS + "/current", reader);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().get("id").asString()).isEqualTo(chosen);
        assertThat(api().get(EDITIONS + "/current", null).json().get("id").asString()).as("anonymous").isEqualTo(chosen);

        // the list says which one is current
        ServiceApi.Response list = api().get(EDITIONS, organizer);
        assertThat(list.status()).isEqualTo(200);
        List<Integer> numbers = new ArrayList<>();
        list.json().forEach(edition -> {
            numbers.add(edition.get("number").asInt());
            assertThat(edition.get("current").asBoolean()).as(edition.toString())
                    .isEqualTo(edition.get("id").asString().equals(chosen));
        });
        assertThat(numbers).as("highest number first").isSortedAccordingTo((a, b) -> b - a);

        // the current edition cannot be archived; another can, and then cannot become current
        ServiceApi.Response archiveCurrent = api().post(EDITIONS + "/" + chosen + "/archive", organizer, "Accept-Language", "en");
        assertThat(archiveCurrent.status()).isEqualTo(409);
        assertThat(archiveCurrent.contentType()).startsWith("application/problem+json");
        assertThat(archiveCurrent.json().get("detail").asString()).contains("is the current edition");
        ServiceApi.Response archived = api().post(EDITIONS + "/" + later + "/archive", organizer);
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        assertThat(archived.json().get("archived").asBoolean()).isTrue();
        assertThat(api().post(EDITIONS + "/" + later + "/archive", organizer).status()).as("twice").isEqualTo(200);
        assertRejected(api().put(EDITIONS + "/current", organizer, "{\"editionId\": \"" + later + "\"}"), "editionId");
        assertRejected(api().put(EDITIONS + "/" + later, organizer, "{}"), "number");
        assertThat(api().put(EDITIONS + "/" + later, organizer, futureEdition(990)).status()).as("archived: no change")
                .isEqualTo(409);

        // bad choices are named; the current edition is unchanged
        assertRejected(api().put(EDITIONS + "/current", organizer, "{}"), "editionId");
        assertRejected(api().put(EDITIONS + "/current", organizer, "{\"editionId\": \"no-such-edition\"}"), "editionId");
        assertRejected(api().put(EDITIONS + "/current", organizer, "{\"editionId\": {\"$ne\": null}}"), "editionId");
        assertThat(api().get(EDITIONS + "/current", reader).json().get("id").asString()).isEqualTo(chosen);

        // from the other side: nobody but an organizer chooses, lists or archives
        for (String role : List.of("participant", "jury", "coach", "coordinator")) {
            String token = ISSUER.token(role + "-current", "ML", role);
            ServiceApi.Response refused = api().put(EDITIONS + "/current", token, "{\"editionId\": \"" + later + "\"}");
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.contentType()).as(role).startsWith("application/problem+json");
            assertThat(api().get(EDITIONS, token).status()).as(role).isEqualTo(403);
            assertThat(api().post(EDITIONS + "/" + chosen + "/archive", token).status()).as(role).isEqualTo(403);
            assertThat(api().put(EDITIONS + "/" + chosen, token, futureEdition(991)).status()).as(role).isEqualTo(403);
        }
        assertThat(api().put(EDITIONS + "/current", null, "{\"editionId\": \"" + later + "\"}").status()).isEqualTo(401);
        assertThat(api().get(EDITIONS, null).status()).isEqualTo(401);
        assertThat(api().get(EDITIONS + "/current", reader).json().get("id").asString()).isEqualTo(chosen);
    }

    @Test
    void organizer_changes_an_edition_with_every_error_named_at_once() {
        String id = createEdition();
        int number = NUMBERS.getAndIncrement();

        ServiceApi.Response refused = api().put(EDITIONS + "/" + id, organizer,
                editionJson(number, NEXT_YEAR, NEXT_YEAR + "-11-18", NEXT_YEAR + "-11-17").replace("CICB, Bamako", ""));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("venue", "endDate");

        ServiceApi.Response changed = api().put(EDITIONS + "/" + id, organizer,
                editionJson(number, NEXT_YEAR, NEXT_YEAR + "-11-25", NEXT_YEAR + "-11-27").replace("CICB, Bamako", "Palais de la Culture"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode read = api().get(EDITIONS + "/" + id, null).json();
        assertThat(read.get("number").asInt()).isEqualTo(number);
        assertThat(read.get("startDate").asString()).isEqualTo(NEXT_YEAR + "-11-25");
        assertThat(read.get("venue").asString()).isEqualTo("Palais de la Culture");

        String other = createEdition();
        ServiceApi.Response taken = api().put(EDITIONS + "/" + other, organizer, futureEdition(number));
        assertThat(taken.status()).as("number of another edition").isEqualTo(409);
        assertThat(api().put(EDITIONS + "/no-such-edition", organizer, futureEdition(NUMBERS.getAndIncrement())).status())
                .isEqualTo(404);
        assertThat(api().post(EDITIONS + "/no-such-edition/archive", organizer).status()).isEqualTo(404);
    }

    private static final String HOME = """
            {"venueCity": "Bamako", "mapLink": "https://www.openstreetmap.org/#map=17/12.6392/-8.0029",
             "contact": {"fr": "Écrivez à contact@sdn.ml", "en": "Write to contact@sdn.ml"},
             "categories": [{"code": "START_UP_CHALLENGE", "prizes": {"fr": "1er prix : 5 000 000 FCFA", "en": "1st prize: 5,000,000 FCFA"},
                             "whoMayEnter": {"fr": "Start-up et PME de l'AES", "en": "Start-ups and SMEs of the AES"}},
                            {"code": "PROJECT_CONTEST", "prizes": {"fr": "", "en": ""}, "whoMayEnter": null}],
             "questions": [{"question": {"fr": "Est-ce gratuit ?", "en": "Is it free?"}, "answer": {"fr": "Oui.", "en": "Yes."}},
                           {"question": {"fr": "", "en": ""}, "answer": {"fr": " ", "en": ""}}]}
            """;

    @Test
    void organizer_writes_what_the_home_page_tells_and_anyone_reads_it_with_the_edition() {
        String id = createEdition();

        ServiceApi.Response saved = api().put(EDITIONS + "/" + id + "/home", organizer, HOME);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode home = api().get(EDITIONS + "/" + id, null).json().get("home");
        assertThat(home.get("venueCity").asString()).isEqualTo("Bamako");
        assertThat(home.get("mapLink").asString()).startsWith("https://www.openstreetmap.org/");
        assertThat(home.get("contact").get("en").asString()).isEqualTo("Write to contact@sdn.ml");
        assertThat(home.get("categories").size()).as("the empty category row is dropped").isEqualTo(1);
        assertThat(home.get("categories").get(0).get("prizes").get("fr").asString()).isEqualTo("1er prix : 5 000 000 FCFA");
        assertThat(home.get("questions").size()).as("the empty question row is dropped").isEqualTo(1);
        assertThat(home.get("questions").get(0).get("answer").get("en").asString()).isEqualTo("Yes.");

        for (String role : List.of("participant", "jury", "coach", "coordinator")) {
            ServiceApi.Response refused = api().put(EDITIONS + "/" + id + "/home", ISSUER.token(role + "-home", "ML", role),
                    HOME.replace("Bamako", "Ouagadougou"));
            assertThat(refused.status()).as(role).isEqualTo(403);
        }
        assertThat(api().put(EDITIONS + "/" + id + "/home", null, HOME).status()).isEqualTo(401);
        assertThat(api().get(EDITIONS + "/" + id, null).json().get("home").get("venueCity").asString()).isEqualTo("Bamako");
    }

    @Test
    void every_bad_part_of_the_home_page_is_named_at_once() {
        String id = createEdition();
        String bad = HOME.replace("https://www.openstreetmap.org/#map=17/12.6392/-8.0029", "javascript:alert(1)")
                .replace("Write to contact@sdn.ml", "")
                .replace("\"Start-ups and SMEs of the AES\"", "\"" + "x".repeat(2001) + "\"")
                .replace("\"Is it free?\"", "\"\"")
                .replace("\"Bamako\"", "\"" + "B".repeat(121) + "\"");

        ServiceApi.Response refused = api().put(EDITIONS + "/" + id + "/home", organizer, bad);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactlyInAnyOrder("mapLink", "contact.en", "categories[0].whoMayEnter.en",
                "questions[0].question.en", "venueCity");
        assertRejected(api().put(EDITIONS + "/" + id + "/home", organizer, HOME.replace("https://", "http://")), "mapLink");
        assertRejected(api().put(EDITIONS + "/" + id + "/home", organizer,
                HOME.replace("\"PROJECT_CONTEST\"", "\"START_UP_CHALLENGE\"").replace("\"prizes\": {\"fr\": \"\", \"en\": \"\"}",
                        "\"prizes\": {\"fr\": \"Un prix\", \"en\": \"A prize\"}")), "categories[1].code");
        assertRejected(api().put(EDITIONS + "/" + id + "/home", organizer, HOME.replace("\"PROJECT_CONTEST\"", "\"HACKATHON\"")),
                "categories[1].code");
        assertThat(api().get(EDITIONS + "/" + id, null).json().get("home").isNull()).as("nothing kept").isTrue();
        assertThat(api().put(EDITIONS + "/no-such-edition/home", organizer, HOME).status()).isEqualTo(404);
    }

    @Test
    void a_category_without_phases_gets_the_usual_calendar_from_the_edition_dates() {
        String edition = createEdition();
        ServiceApi.Response created = api().postJson(EDITIONS + "/" + edition + "/categories", organizer,
                categoryJson("START_UP_CHALLENGE", CRITERIA, "null"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        List<String> starts = new ArrayList<>();
        created.json().get("phases").forEach(window -> starts.add(window.get("phase").asString() + " " + window.get("start").asString().substring(0, 16)));
        assertThat(starts).containsExactly(
                "SUBMISSION " + NEXT_YEAR + "-03-18T08:00", "EVALUATION " + NEXT_YEAR + "-04-18T00:00",
                "PRESELECTION " + NEXT_YEAR + "-05-18T00:00", "INCUBATION " + NEXT_YEAR + "-06-01T00:00",
                "FINAL " + NEXT_YEAR + "-11-18T09:00", "CLOSED " + NEXT_YEAR + "-11-21T00:00");
        assertThat(api().postJson(EDITIONS + "/" + edition + "/categories", organizer,
                categoryJson("PROJECT_CONTEST", CRITERIA, "[]")).status()).as("an empty list too").isEqualTo(201);
    }

    @Test
    void organizer_adds_categories_that_anyone_signed_in_reads_with_their_phases_in_bamako_time() {
        String edition = createEdition();
        ServiceApi.Response created = api().postJson(EDITIONS + "/" + edition + "/categories", organizer,
                categoryJson("START_UP_CHALLENGE", CRITERIA, standardPhases()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo(EDITIONS + "/" + edition + "/categories/" + id);
        assertThat(api().postJson(EDITIONS + "/" + edition + "/categories", organizer,
                categoryJson("PROJECT_CONTEST", CRITERIA, standardPhases())).status()).isEqualTo(201);

        ServiceApi.Response list = api().get(EDITIONS + "/" + edition + "/categories",
                ISSUER.token("coach-editions", "NE", "coach"));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(2);
        JsonNode startUp = list.json().get(0);
        assertThat(startUp.get("code").asString()).isEqualTo("START_UP_CHALLENGE");
        assertThat(startUp.get("organizationTypes").toString()).isEqualTo("[\"START_UP\",\"SME\"]");
        assertThat(list.json().get(1).get("organizationTypes").toString()).isEqualTo("[\"PROJECT_TEAM\"]");
        assertThat(startUp.get("name").get("en").asString()).isEqualTo("Start-up challenge");
        assertThat(startUp.get("challenges").size()).isEqualTo(2);
        assertThat(startUp.get("criteria").get(0).get("weight").asInt()).isEqualTo(40);
        assertThat(startUp.get("scale").get("max").asInt()).isEqualTo(10);
        assertThat(startUp.get("preselectCount").asInt()).isEqualTo(10);
        assertThat(startUp.get("timeZone").asString()).isEqualTo("Africa/Bamako");
        JsonNode submission = startUp.get("phases").get(0);
        assertThat(submission.get("phase").asString()).isEqualTo("SUBMISSION");
        assertThat(submission.get("start").asString()).startsWith(NEXT_YEAR + "-03-01T08:00");
        assertThat(submission.get("startsAt").asString()).isEqualTo(NEXT_YEAR + "-03-01T08:00:00Z");
        assertThat(submission.get("endsAt").asString()).isEqualTo(NEXT_YEAR + "-04-01T00:00:00Z");
        assertThat(startUp.get("phases").get(5).get("endsAt").isNull()).isTrue();
        assertThat(startUp.get("currentPhase").isNull()).isTrue();
        assertThat(api().get(EDITIONS + "/" + edition + "/categories/" + id, organizer).json().get("id").asString())
                .isEqualTo(id);
    }

    @Test
    void a_second_category_with_the_same_code_in_an_edition_is_a_conflict() {
        String edition = createEdition();
        String body = categoryJson("PROJECT_CONTEST", CRITERIA, standardPhases());
        assertThat(api().postJson(EDITIONS + "/" + edition + "/categories", organizer, body).status()).isEqualTo(201);

        assertThat(api().postJson(EDITIONS + "/" + edition + "/categories", organizer, body).status()).isEqualTo(409);
        assertThat(api().postJson(EDITIONS + "/" + createEdition() + "/categories", organizer, body).status())
                .isEqualTo(201);
    }

    @Test
    void criteria_weights_must_add_up_to_exactly_100() {
        String path = EDITIONS + "/" + createEdition() + "/categories";
        ServiceApi.Response ninetyNine = api().postJson(path, organizer,
                categoryJson("START_UP_CHALLENGE", CRITERIA.replace("25", "24"), standardPhases()), "Accept-Language", "en");
        assertRejected(ninetyNine, "criteria");
        assertThat(ninetyNine.json().get("errors").get(0).get("message").asString()).contains("(current total: 99)");
        assertRejected(api().postJson(path, organizer,
                categoryJson("START_UP_CHALLENGE", CRITERIA.replace("25", "26"), standardPhases())), "criteria");
        assertRejected(api().postJson(path, organizer,
                categoryJson("START_UP_CHALLENGE", CRITERIA.replace("\"team\"", "\"impact\""), standardPhases())), "criteria");
        assertRejected(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", "[]", standardPhases())),
                "criteria");
        assertRejected(api().postJson(path, organizer,
                categoryJson("START_UP_CHALLENGE", CRITERIA.replace("25", "-5"), standardPhases())), "criteria[2].weight");
    }

    @Test
    void overlapping_missing_or_repeated_phases_are_named() {
        String path = EDITIONS + "/" + createEdition() + "/categories";
        ServiceApi.Response overlapping = api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA,
                phasesJson(NEXT_YEAR + "-03-01T08:00", NEXT_YEAR + "-04-01T00:00", NEXT_YEAR + "-03-15T00:00",
                        NEXT_YEAR + "-05-15T00:00", NEXT_YEAR + "-11-18T09:00", NEXT_YEAR + "-11-21T00:00")),
                "Accept-Language", "en");
        assertRejected(overlapping, "phases.PRESELECTION");
        assertThat(overlapping.json().get("errors").get(0).get("message").asString())
                .isEqualTo("Phase \"Preselection\" must start after phase \"Evaluation\" starts.");

        assertRejected(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA,
                phasesJson(NEXT_YEAR + "-03-01T08:00", NEXT_YEAR + "-04-01T00:00", NEXT_YEAR + "-05-01T00:00",
                        NEXT_YEAR + "-05-15T00:00", NEXT_YEAR + "-11-18T09:00"))), "phases.CLOSED");
        assertRejected(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA,
                phasesJson(NEXT_YEAR + "-03-01T08:00", NEXT_YEAR + "-04-01T00:00", NEXT_YEAR + "-05-01T00:00",
                        NEXT_YEAR + "-05-15T00:00", NEXT_YEAR + "-11-18T09:00", NEXT_YEAR + "-11-18T09:00"))),
                "phases.CLOSED");
        String repeated = standardPhases().replace("\"EVALUATION\"", "\"SUBMISSION\"");
        assertRejected(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA, repeated)),
                "phases.SUBMISSION");
        assertRejected(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA,
                standardPhases().replace("\"FINAL\"", "\"AWARDS\""))), "phases[4].phase");
        assertRejected(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA,
                standardPhases().replace(NEXT_YEAR + "-04-01T00:00", "tomorrow"))), "phases[1].start");
        assertThat(api().get(path, organizer).json().size()).isZero();
    }

    @Test
    void every_invalid_category_field_is_named_in_one_answer_names_and_weights_alike() {
        String path = EDITIONS + "/" + createEdition() + "/categories";
        String base = categoryJson("START_UP_CHALLENGE", CRITERIA.replace("25", "15").replace("\"Équipe\"", "\"\""),
                phasesJson(NEXT_YEAR + "-03-01T08:00", NEXT_YEAR + "-04-01T00:00", NEXT_YEAR + "-03-15T00:00",
                        NEXT_YEAR + "-05-15T00:00", NEXT_YEAR + "-11-18T09:00", NEXT_YEAR + "-11-21T00:00"))
                .replace("Défi start-up", "").replace("Start-up challenge", "");
        String body = base.substring(0, base.lastIndexOf('}'))
                + ", \"settings\": {\"jurorsPerApplication\": 2, \"minimumCompletedReviews\": 3}}";

        ServiceApi.Response refused = api().postJson(path, organizer, body, "Accept-Language", "en");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("name.fr", "name.en", "criteria[2].label.fr", "criteria",
                "phases.PRESELECTION", "settings.minimumCompletedReviews");
        assertThat(refused.body()).contains("(current total: 90)");
        assertThat(api().get(path, organizer).json().size()).isZero();
    }

    @Test
    void invalid_category_fields_are_named() {
        String path = EDITIONS + "/" + createEdition() + "/categories";
        assertRejected(api().postJson(path, organizer, categoryJson("HACKATHON", CRITERIA, standardPhases())), "code");
        assertRejected(api().postJson(path, organizer, "{}"), "code");
        assertRejected(api().postJson(path, organizer, "{}"), "name");
        assertRejected(api().postJson(path, organizer, "{}"), "preselectCount");
        assertRejected(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA, standardPhases())
                .replace("\"preselectCount\": 10", "\"preselectCount\": 0")), "preselectCount");
        assertRejected(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA, standardPhases())
                .replace("Start-up challenge", "x".repeat(121))), "name.en");
        assertRejected(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA, standardPhases())
                .replace("Santé", "x".repeat(201))), "challenges[1]");
        assertRejected(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA, standardPhases())
                .replace("\"team\"", "\"$where\"")), "criteria[2].code");
        assertRejected(api().postJson(path, organizer, "not json"), "body");
    }

    @Test
    void phase_starts_outside_the_years_2000_to_2100_are_named() {
        String path = EDITIONS + "/" + createEdition() + "/categories";
        ServiceApi.Response farFuture = api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA,
                phasesJson(NEXT_YEAR + "-03-01T08:00", NEXT_YEAR + "-04-01T00:00", NEXT_YEAR + "-05-01T00:00",
                        NEXT_YEAR + "-05-15T00:00", NEXT_YEAR + "-11-18T09:00", "+999999999-12-31T23:59:59")),
                "Accept-Language", "en");
        assertRejected(farFuture, "phases.CLOSED");
        assertThat(farFuture.json().get("errors").get(0).get("message").asString()).contains("2000").contains("2100");
        assertRejected(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA,
                phasesJson(NEXT_YEAR + "-03-01T08:00", NEXT_YEAR + "-04-01T00:00", NEXT_YEAR + "-05-01T00:00",
                        NEXT_YEAR + "-05-15T00:00", "2101-01-01T00:00", "2101-02-01T00:00"))), "phases.FINAL");
        assertRejected(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA,
                phasesJson("1999-12-31T23:59", NEXT_YEAR + "-04-01T00:00", NEXT_YEAR + "-05-01T00:00",
                        NEXT_YEAR + "-05-15T00:00", NEXT_YEAR + "-11-18T09:00", NEXT_YEAR + "-11-21T00:00"))),
                "phases.SUBMISSION");
        assertThat(api().get(path, organizer).json().size()).isZero();
        assertThat(api().postJson(path, organizer, categoryJson("START_UP_CHALLENGE", CRITERIA,
                phasesJson(NEXT_YEAR + "-03-01T08:00", NEXT_YEAR + "-04-01T00:00", NEXT_YEAR + "-05-01T00:00",
                        NEXT_YEAR + "-05-15T00:00", NEXT_YEAR + "-11-18T09:00", "2100-12-31T23:59"))).status())
                .isEqualTo(201);
    }

    @Test
    void a_category_that_could_never_rank_an_application_is_refused_naming_minimum_completed_reviews() {
        String path = EDITIONS + "/" + createEdition() + "/categories";
        String base = categoryJson("START_UP_CHALLENGE", CRITERIA, standardPhases());
        String withSettings = base.substring(0, base.lastIndexOf('}')) + ", \"settings\": %s}";

        ServiceApi.Response tooMany = api().postJson(path, organizer,
                withSettings.formatted("{\"jurorsPerApplication\": 2, \"minimumCompletedReviews\": 3}"), "Accept-Language", "en");
        assertRejected(tooMany, "settings.minimumCompletedReviews");
        assertThat(tooMany.json().get("errors").get(0).get("message").asString()).contains("2");
        // the default of 3 jurors per application counts too
        assertRejected(api().postJson(path, organizer, withSettings.formatted("{\"minimumCompletedReviews\": 4}")),
                "settings.minimumCompletedReviews");
        assertThat(api().get(path, organizer).json().size()).isZero();

        ServiceApi.Response equal = api().postJson(path, organizer,
                withSettings.formatted("{\"jurorsPerApplication\": 2, \"minimumCompletedReviews\": 2}"));
        assertThat(equal.status()).as(equal.body()).isEqualTo(201);
        assertThat(equal.json().get("settings").get("minimumCompletedReviews").asInt()).isEqualTo(2);
    }
}
