package ml.sdn.incubation.incubatees;

import ml.sdn.incubation.IncubationFixtures;
import ml.sdn.incubation.ServiceIT;
import ml.sdn.incubation.cohorts.Cohort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The cohort's figures: all of them for organizers, one country's for its coordinator. */
class CohortSummaryIT extends ServiceIT {

    @Autowired
    MongoTemplate mongo;

    private Cohort cohort;

    @BeforeEach
    void aCohortOfFive() {
        IncubationFixtures fixtures = new IncubationFixtures(mongo);
        cohort = fixtures.cohort(10);
        Incubatee mali = fixtures.incubatee(cohort, "p-" + UUID.randomUUID(), null, "ML");
        fixtures.incubatee(cohort, "p-" + UUID.randomUUID(), null, "ML");
        Incubatee burkina = fixtures.incubatee(cohort, "p-" + UUID.randomUUID(), null, "BF");
        Incubatee niger = fixtures.incubatee(cohort, "p-" + UUID.randomUUID(), null, "NE");
        fixtures.incubatee(cohort, "p-" + UUID.randomUUID(), null, "NE");
        mongo.updateFirst(query(where("id").is(mali.id())), new Update().set("risk",
                new Incubatee.Risk(true, List.of("NO_RECENT_SESSION"), 0, Instant.now(), Instant.now())), Incubatee.class);
        mongo.updateFirst(query(where("id").is(burkina.id())), new Update().set("womenLed", false)
                .set("categoryCode", "PROJECT_CONTEST"), Incubatee.class);
        mongo.updateFirst(query(where("id").is(niger.id())), new Update().set("status", "DROPPED"), Incubatee.class);
    }

    @Test
    void an_organizer_sees_the_whole_cohort() {
        JsonNode summary = api().get(path(), ISSUER.token("organizer-summary", "ML", "organizer")).json();

        assertThat(summary.get("total").asInt()).isEqualTo(5);
        assertThat(summary.get("byCountry").get("ML").asInt()).isEqualTo(2);
        assertThat(summary.get("byCountry").get("BF").asInt()).isEqualTo(1);
        assertThat(summary.get("byCountry").get("NE").asInt()).isEqualTo(2);
        assertThat(summary.get("byCategory").get("START_UP_CHALLENGE").asInt()).isEqualTo(4);
        assertThat(summary.get("byCategory").get("PROJECT_CONTEST").asInt()).isEqualTo(1);
        assertThat(summary.get("byWomenLed").get("womenLed").asInt()).isEqualTo(4);
        assertThat(summary.get("byWomenLed").get("other").asInt()).isEqualTo(1);
        assertThat(summary.get("byStatus").get("ACTIVE").asInt()).isEqualTo(4);
        assertThat(summary.get("byStatus").get("DROPPED").asInt()).isEqualTo(1);
        assertThat(summary.get("atRisk").asInt()).isEqualTo(1);
        assertThat(summary.get("capacity").asInt()).isEqualTo(30);
        assertThat(summary.get("seatsTaken").asInt()).isEqualTo(4);
        // no milestones yet: 0 % each
        assertThat(summary.get("averageProgressPercent").asDouble()).isZero();

        JsonNode burkina = api().get(path() + "?country=BF", ISSUER.token("organizer-summary", "ML", "organizer")).json();
        assertThat(burkina.get("total").asInt()).isEqualTo(1);
    }

    @Test
    void a_coordinator_sees_only_their_delegations_part_whatever_they_ask() {
        String coordinator = ISSUER.token("coordinator-ne", "NE", "coordinator");

        for (String asked : List.of("", "?country=ML")) {
            JsonNode summary = api().get(path() + asked, coordinator).json();
            assertThat(summary.get("country").asString()).isEqualTo("NE");
            assertThat(summary.get("total").asInt()).isEqualTo(2);
            assertThat(summary.get("byCountry").size()).isEqualTo(1);
            assertThat(summary.get("byCountry").get("NE").asInt()).isEqualTo(2);
            assertThat(summary.get("byStatus").get("DROPPED").asInt()).isEqualTo(1);
            assertThat(summary.has("capacity")).isTrue();
            assertThat(summary.get("capacity").isNull()).isTrue();
            assertThat(summary.get("seatsTaken").isNull()).isTrue();
        }
    }

    @Test
    void others_get_403_and_an_unknown_cohort_404() {
        assertThat(api().get(path(), ISSUER.tokenWithDelegation("coordinator-none", "ML", null, "coordinator")).status())
                .isEqualTo(403);
        for (String role : List.of("coach", "participant", "jury")) {
            assertThat(api().get(path(), ISSUER.token(role + "-summary", "ML", role)).status()).isEqualTo(403);
        }
        assertThat(api().get("/api/incubation/cohorts/none/summary", ISSUER.token("organizer-summary", "ML", "organizer"))
                .status()).isEqualTo(404);
        assertThat(api().get(path() + "?country=FR", ISSUER.token("organizer-summary", "ML", "organizer")).status())
                .isEqualTo(400);
    }

    private String path() {
        return "/api/incubation/cohorts/" + cohort.id() + "/summary";
    }
}
