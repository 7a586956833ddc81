package ml.sdn.incubation.cohorts;

import ml.sdn.events.Topics;
import ml.sdn.events.competition.EditionCreated;
import ml.sdn.incubation.ServiceIT;
import ml.sdn.incubation.editions.KnownEdition;
import ml.sdn.testing.ServiceApi;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Creating and reading cohorts, from the organizer's side and the attacker's. */
class CohortsIT extends ServiceIT {

    private static final String COHORTS = "/api/incubation/cohorts";

    private final String organizer = ISSUER.token("organizer-cohorts", "ML", "organizer");

    @Autowired
    MongoTemplate mongo;

    private static String body(String editionId, String start, String end, int capacity, String milestones) {
        return """
                {"editionId": "%s", "name": "Cohorte AGETIC 2027", "startDate": "%s", "endDate": "%s", "capacity": %d,
                 "milestones": %s}
                """.formatted(editionId, start, end, capacity, milestones);
    }

    private static final String TEMPLATE = """
            [{"code": "business-model", "title": "Modèle économique validé", "description": "Lean canvas revu", "dueOffsetDays": 30},
             {"code": "mvp", "title": "MVP", "dueOffsetDays": 60},
             {"code": "pitch-deck", "title": "Pitch deck", "dueOffsetDays": 90}]""";

    private static String edition() {
        return "edition-" + UUID.randomUUID();
    }

    @Test
    void a_cohort_for_an_edition_that_does_not_exist_is_refused_naming_the_field() {
        ServiceApi.Response refused = api().postJson(COHORTS, organizer, body("12345", "2027-02-01", "2027-07-31", 25, TEMPLATE));
        ServiceApi.Response inEnglish = api().postJson(COHORTS, organizer, body(edition(), "2027-02-01", "2027-07-31", 25, TEMPLATE),
                "Accept-Language", "en");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("editionId");
        assertThat(inEnglish.json().get("errors").get(0).get("message").asString()).startsWith("No edition has the id");
        assertThat(api().get(COHORTS + "?editionId=12345", organizer).json()).isEmpty();
    }

    @Test
    void an_edition_announced_twice_is_known_once_and_its_cohort_opens() {
        String editionId = "edition-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String created = """
                {"editionId":"%s","number":4,"year":2028,"startDate":"2028-11-16","endDate":"2028-11-18",\
                "createdAt":"2027-12-01T10:00:00Z","venue":"a field this service does not know"}""".formatted(editionId);
        send(Topics.COMPETITION_EDITIONS, 0, editionId, eventId, EditionCreated.TYPE.type(), created);
        send(Topics.COMPETITION_EDITIONS, 0, editionId, eventId, EditionCreated.TYPE.type(), created);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(query(where("_id").is(editionId)), KnownEdition.class));
        ServiceApi.Response cohort = api().postJson(COHORTS, organizer, body(editionId, "2028-12-01", "2029-05-31", 25, TEMPLATE));

        assertThat(mongo.count(query(where("_id").is(editionId)), KnownEdition.class)).isEqualTo(1);
        assertThat(mongo.findById(editionId, KnownEdition.class).number()).isEqualTo(4);
        assertThat(cohort.status()).as(cohort.body()).isEqualTo(201);
    }

    @Test
    void an_organizer_creates_the_editions_cohort_and_organizers_and_coaches_read_it() {
        String editionId = knownEdition();
        ServiceApi.Response created = api().postJson(COHORTS, organizer, body(editionId, "2027-02-01", "2027-07-31", 25, TEMPLATE));

        assertThat(created.status()).isEqualTo(201);
        JsonNode cohort = created.json();
        String id = cohort.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/incubation/cohorts/" + id);
        assertThat(cohort.get("editionId").asString()).isEqualTo(editionId);
        assertThat(cohort.get("capacity").asInt()).isEqualTo(25);
        assertThat(cohort.get("seatsTaken").asInt()).isZero();
        assertThat(cohort.get("overCapacity").asBoolean()).isFalse();
        JsonNode mvp = cohort.get("milestones").get(1);
        assertThat(mvp.get("code").asString()).isEqualTo("mvp");
        // 2027-02-01 + 60 days
        assertThat(mvp.get("dueDate").asString()).isEqualTo("2027-04-02");
        assertThat(cohort.get("milestones").get(0).get("description").asString()).isEqualTo("Lean canvas revu");

        String coach = ISSUER.token("coach-cohorts", "BF", "coach");
        assertThat(api().get(COHORTS + "/" + id, coach).json().get("name").asString()).isEqualTo("Cohorte AGETIC 2027");
        JsonNode list = api().get(COHORTS + "?editionId=" + editionId, coach).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asString()).isEqualTo(id);
        assertThat(api().get(COHORTS + "/no-such-cohort", organizer).status()).isEqualTo(404);
    }

    @Test
    void an_edition_has_one_cohort() {
        String editionId = knownEdition();
        assertThat(api().postJson(COHORTS, organizer, body(editionId, "2027-02-01", "2027-07-31", 25, TEMPLATE)).status())
                .isEqualTo(201);

        ServiceApi.Response second = api().postJson(COHORTS, organizer, body(editionId, "2027-03-01", "2027-08-31", 10, TEMPLATE));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
    }

    @Test
    void bad_bodies_are_refused_naming_the_field() {
        String ok = "[{\"code\": \"mvp\", \"title\": \"MVP\", \"dueOffsetDays\": 10}]";
        assertThat(field(body(edition(), "2027-02-01", "2027-01-31", 25, ok))).isEqualTo("endDate");
        assertThat(field(body(edition(), "2027-02-01", "2027-02-01", 25, ok))).isEqualTo("endDate");
        assertThat(field(body(edition(), "2027-02-30", "2027-07-31", 25, ok))).isEqualTo("startDate");
        assertThat(field(body(edition(), "2027-02-01", "2027-07-31", 0, ok))).isEqualTo("capacity");
        assertThat(field(body(edition(), "2027-02-01", "2027-07-31", 1001, ok))).isEqualTo("capacity");
        assertThat(field(body(edition(), "2027-02-01", "2027-07-31", 25, "[]"))).isEqualTo("milestones");
        assertThat(field(body("bad edition", "2027-02-01", "2027-07-31", 25, ok))).isEqualTo("editionId");
        assertThat(field(body(edition(), "2027-02-01", "2027-07-31", 25,
                "[{\"code\": \"MVP!\", \"title\": \"MVP\", \"dueOffsetDays\": 10}]"))).isEqualTo("milestones[0].code");
        assertThat(field(body(edition(), "2027-02-01", "2027-07-31", 25,
                "[{\"code\": \"mvp\", \"title\": \"MVP\", \"dueOffsetDays\": 10}, {\"code\": \"mvp\", \"title\": \"Encore\", \"dueOffsetDays\": 20}]")))
                .isEqualTo("milestones[1].code");
        assertThat(field(body(edition(), "2027-02-01", "2027-07-31", 25,
                "[{\"code\": \"mvp\", \"title\": \"" + "t".repeat(151) + "\", \"dueOffsetDays\": 10}]"))).isEqualTo("milestones[0].title");
        assertThat(field(body(edition(), "2027-02-01", "2027-07-31", 25,
                "[{\"code\": \"mvp\", \"title\": \"MVP\", \"dueOffsetDays\": 731}]"))).isEqualTo("milestones[0].dueOffsetDays");
        assertThat(field(body(edition(), "2027-02-01", "2027-07-31", 25,
                "[{\"code\": \"mvp\", \"title\": \"MVP\", \"dueOffsetDays\": 200}]"))).isEqualTo("milestones[0].dueOffsetDays");
        assertThat(field(body(edition(), "2027-02-01", "2027-07-31", 25,
                "[{\"code\": \"mvp\", \"title\": \"MVP\", \"dueOffsetDays\": \"soon\"}]"))).isEqualTo("milestones[0].dueOffsetDays");
        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i < 31; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"code\": \"m").append(i).append("\", \"title\": \"M\", \"dueOffsetDays\": 1}");
        }
        assertThat(field(body(edition(), "2027-02-01", "2027-07-31", 25, tooMany + "]"))).isEqualTo("milestones");
        assertThat(api().postJson(COHORTS, organizer, "{").status()).isEqualTo(400);
    }

    @Test
    void only_organizers_create_and_only_organizers_coaches_and_coordinators_read() {
        for (String role : List.of("coach", "participant", "coordinator", "jury")) {
            String token = ISSUER.token(role + "-cohorts", "ML", role);
            assertThat(api().postJson(COHORTS, token, body(edition(), "2027-02-01", "2027-07-31", 25, TEMPLATE)).status())
                    .isEqualTo(403);
        }
        for (String role : List.of("participant", "jury")) {
            String token = ISSUER.token(role + "-cohorts", "ML", role);
            assertThat(api().get(COHORTS, token).status()).isEqualTo(403);
            assertThat(api().get(COHORTS + "/any-id", token).status()).isEqualTo(403);
        }
        assertThat(api().get(COHORTS, null).status()).isEqualTo(401);
    }

    @Test
    void a_coordinator_lists_the_cohorts_without_their_seats_and_reaches_the_summary_of_their_delegation() {
        String editionId = knownEdition();
        String id = api().postJson(COHORTS, organizer, body(editionId, "2027-02-01", "2027-07-31", 25, TEMPLATE))
                .json().get("id").asString();
        String coordinator = ISSUER.token("coordinator-cohorts-" + UUID.randomUUID(), "BF", "coordinator");

        ServiceApi.Response listed = api().get(COHORTS + "?editionId=" + editionId, coordinator);

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        JsonNode brief = listed.json().get(0);
        assertThat(brief.get("id").asString()).isEqualTo(id);
        assertThat(brief.get("editionId").asString()).isEqualTo(editionId);
        assertThat(brief.get("name").asString()).isEqualTo("Cohorte AGETIC 2027");
        assertThat(brief.get("startDate").asString()).isEqualTo("2027-02-01");
        assertThat(brief.get("endDate").asString()).isEqualTo("2027-07-31");
        for (String hidden : List.of("capacity", "seatsTaken", "overCapacity", "milestones", "createdAt")) {
            assertThat(brief.has(hidden)).as(hidden).isFalse();
        }
        ServiceApi.Response one = api().get(COHORTS + "/" + id, coordinator);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("name").asString()).isEqualTo("Cohorte AGETIC 2027");
        assertThat(one.json().has("capacity")).isFalse();
        assertThat(api().get(COHORTS + "/no-such-cohort", coordinator).status()).isEqualTo(404);
        ServiceApi.Response summary = api().get(COHORTS + "/" + id + "/summary", coordinator);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().get("country").asString()).isEqualTo("BF");
        // organizers still get the full view
        assertThat(api().get(COHORTS + "/" + id, organizer).json().get("capacity").asInt()).isEqualTo(25);
    }

    private String field(String body) {
        ServiceApi.Response response = api().postJson(COHORTS, organizer, body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("errors").get(0).get("field").asString();
    }
}
