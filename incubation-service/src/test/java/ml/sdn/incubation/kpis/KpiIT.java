package ml.sdn.incubation.kpis;

import ml.sdn.incubation.IncubationFixtures;
import ml.sdn.incubation.ServiceIT;
import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.incubatees.Incubatee;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Monthly indicators, reported by the incubatee and read as a series by those who may see them. */
class KpiIT extends ServiceIT {

    @Autowired
    MongoTemplate mongo;

    private String participant;
    private String coach;
    private Incubatee incubatee;
    private YearMonth thisMonth;

    @BeforeEach
    void anIncubateeWhoseCohortStartedThreeMonthsAgo() {
        String participantName = "participant-" + UUID.randomUUID();
        String coachName = "coach-" + UUID.randomUUID();
        participant = ISSUER.token(participantName, "ML", "participant");
        coach = ISSUER.token(coachName, "ML", "coach");
        IncubationFixtures fixtures = new IncubationFixtures(mongo);
        Cohort cohort = fixtures.cohort(95);
        incubatee = fixtures.incubatee(cohort, TestIssuer.subjectOf(participantName), TestIssuer.subjectOf(coachName), "ML");
        thisMonth = YearMonth.from(LocalDate.now(ZoneId.of("Africa/Bamako")));
    }

    private static String report(YearMonth month, int jobs, int customers, String band, long funding) {
        return """
                {"month": "%s", "jobsCreated": %d, "customers": %d, "revenueBand": "%s", "fundingRaisedXof": %d}
                """.formatted(month, jobs, customers, band, funding);
    }

    private String path() {
        return "/api/incubation/incubatees/" + incubatee.id() + "/kpis";
    }

    @Test
    void the_incubatee_reports_months_and_a_second_report_of_a_month_replaces_it() {
        ServiceApi.Response first = api().postJson(path(), participant, report(thisMonth, 2, 15, "UNDER_1M_XOF", 0));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("revisions").asInt()).isEqualTo(1);
        ServiceApi.Response earlier = api().postJson(path(), participant,
                report(thisMonth.minusMonths(2), 1, 5, "NONE", 500_000));
        assertThat(earlier.status()).isEqualTo(201);

        ServiceApi.Response corrected = api().postJson(path(), participant, report(thisMonth, 3, 18, "1M_10M_XOF", 2_000_000));
        assertThat(corrected.status()).isEqualTo(200);
        JsonNode body = corrected.json();
        assertThat(body.get("revisions").asInt()).isEqualTo(2);
        assertThat(body.get("revenueBand").asString()).isEqualTo("1M_10M_XOF");
        assertThat(body.get("firstReportedAt").asString()).isEqualTo(first.json().get("firstReportedAt").asString());
        assertThat(Instant.parse(body.get("updatedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(first.json().get("updatedAt").asString()));

        JsonNode series = api().get(path(), coach).json();
        assertThat(strings(series.get("months"))).containsExactly(thisMonth.minusMonths(2).toString(),
                thisMonth.minusMonths(1).toString(), thisMonth.toString());
        assertThat(series.get("series").get("jobsCreated").toString()).isEqualTo("[1,null,3]");
        assertThat(series.get("series").get("customers").toString()).isEqualTo("[5,null,18]");
        assertThat(series.get("series").get("revenueBand").toString()).isEqualTo("[\"NONE\",null,\"1M_10M_XOF\"]");
        assertThat(series.get("series").get("fundingRaisedXof").toString()).isEqualTo("[500000,null,2000000]");
        assertThat(api().get(path(), participant).status()).isEqualTo(200);
        assertThat(api().get(path(), ISSUER.token("organizer-kpi", "ML", "organizer")).status()).isEqualTo(200);
    }

    @Test
    void months_outside_the_incubation_and_bad_figures_are_refused_naming_the_field() {
        assertThat(field(report(thisMonth.plusMonths(1), 1, 1, "NONE", 0))).isEqualTo("month");
        // the cohort started 95 days ago, three or four months back: five months back is before its start month
        assertThat(field(report(thisMonth.minusMonths(5), 1, 1, "NONE", 0))).isEqualTo("month");
        assertThat(field(report(thisMonth, 1, 1, "NONE", 0).replace(thisMonth.toString(), "2027-13"))).isEqualTo("month");
        assertThat(field(report(thisMonth, -1, 1, "NONE", 0))).isEqualTo("jobsCreated");
        assertThat(field(report(thisMonth, 100_001, 1, "NONE", 0))).isEqualTo("jobsCreated");
        assertThat(field(report(thisMonth, 1, 10_000_001, "NONE", 0))).isEqualTo("customers");
        assertThat(field(report(thisMonth, 1, 1, "A_LOT", 0))).isEqualTo("revenueBand");
        assertThat(field(report(thisMonth, 1, 1, "NONE", 1_000_000_000_001L))).isEqualTo("fundingRaisedXof");
        assertThat(field("{\"month\": \"" + thisMonth + "\"}")).isIn("jobsCreated", "customers", "revenueBand", "fundingRaisedXof");
    }

    @Test
    void only_the_incubatee_reports_and_strangers_see_nothing() {
        String body = report(thisMonth, 1, 1, "NONE", 0);
        // their coach and organizers read, but do not report
        assertThat(api().postJson(path(), coach, body).status()).isEqualTo(403);
        assertThat(api().postJson(path(), ISSUER.token("organizer-kpi", "ML", "organizer"), body).status()).isEqualTo(403);
        // another participant or coach: nothing there
        String stranger = ISSUER.token("participant-" + UUID.randomUUID(), "ML", "participant");
        assertThat(api().postJson(path(), stranger, body).status()).isEqualTo(404);
        assertThat(api().get(path(), stranger).status()).isEqualTo(404);
        assertThat(api().get(path(), ISSUER.token("coach-" + UUID.randomUUID(), "ML", "coach")).status()).isEqualTo(404);
        assertThat(api().get(path(), ISSUER.token("coordinator-kpi", "ML", "coordinator")).status()).isEqualTo(403);
    }

    @Test
    void a_dropped_incubatee_no_longer_reports() {
        mongo.updateFirst(query(where("id").is(incubatee.id())), new Update().set("status", "DROPPED"), Incubatee.class);

        assertThat(api().postJson(path(), participant, report(thisMonth, 1, 1, "NONE", 0)).status()).isEqualTo(409);
        assertThat(api().get(path(), participant).json().get("months")).isEmpty();
    }

    private String field(String body) {
        ServiceApi.Response response = api().postJson(path(), participant, body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").get(0).get("field").asString();
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
