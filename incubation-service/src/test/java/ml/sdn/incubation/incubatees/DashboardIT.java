package ml.sdn.incubation.incubatees;

import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.incubation.milestones.Milestone;
import ml.sdn.incubation.milestones.MilestoneDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** A coach's dashboard: their active incubatees, most urgent first, with progress. */
class DashboardIT extends IncubateesITBase {

    @Autowired
    MilestoneDirectory milestones;

    @Test
    void lists_the_coachs_active_incubatees_at_risk_first_then_most_overdue_then_longest_without_contact() {
        Person coach = person("coach", "ML", "coach");
        Cohort cohort = fixtures().cohort(100);
        Instant now = Instant.now();
        Incubatee seenYesterday = enrolled(cohort, coach, "ML");
        lastSessionAt(seenYesterday.id(), now.minus(Duration.ofDays(1)));
        Incubatee seenLastMonth = enrolled(cohort, coach, "BF");
        lastSessionAt(seenLastMonth.id(), now.minus(Duration.ofDays(30)));
        Incubatee twoOverdue = enrolled(cohort, coach, "NE");
        lastSessionAt(twoOverdue.id(), now.minus(Duration.ofDays(1)));
        overdue(twoOverdue, "business-model", "mvp");
        Incubatee atRisk = enrolled(cohort, coach, "ML");
        lastSessionAt(atRisk.id(), now.minus(Duration.ofDays(2)));
        flagAtRisk(atRisk.id(), List.of("NO_RECENT_SESSION"), 0);
        validate(atRisk, "business-model");
        Incubatee graduated = enrolled(cohort, coach, "ML");
        mongo.updateFirst(query(where("id").is(graduated.id())), new Update().set("status", "GRADUATED"), Incubatee.class);
        incubatee(cohort, unique("p"), unique("other-coach"), "ML");

        JsonNode dashboard = api().get("/api/incubation/dashboard", coach.token()).json();

        assertThat(ids(dashboard)).containsExactly(atRisk.id(), twoOverdue.id(), seenLastMonth.id(), seenYesterday.id());
        assertThat(dashboard.get("total").asInt()).isEqualTo(4);
        assertThat(dashboard.get("atRisk").asInt()).isEqualTo(1);
        JsonNode first = dashboard.get("incubatees").get(0);
        assertThat(first.get("risk").get("reasons").get(0).asString()).isEqualTo("NO_RECENT_SESSION");
        // one of three validated: 33 %
        assertThat(first.get("progress").get("percent").asInt()).isEqualTo(33);
        assertThat(first.get("progress").get("validated").asInt()).isEqualTo(1);
        assertThat(first.get("progress").get("total").asInt()).isEqualTo(3);
        assertThat(dashboard.get("incubatees").get(1).get("progress").get("overdue").asInt()).isEqualTo(2);
        assertThat(first.get("lastContactAt").isNull()).isFalse();
    }

    @Test
    void only_coaches_have_a_dashboard() {
        for (String role : List.of("organizer", "participant", "coordinator", "jury")) {
            assertThat(api().get("/api/incubation/dashboard", person(role, "ML", role).token()).status()).isEqualTo(403);
        }
    }

    private Incubatee enrolled(Cohort cohort, Person coach, String country) {
        Incubatee incubatee = incubatee(cohort, unique("p"), coach.id(), country);
        milestonesOf(cohort, incubatee);
        return incubatee;
    }

    /** The template's milestones as enrolment creates them, all due in a month unless a test makes one overdue. */
    private void milestonesOf(Cohort cohort, Incubatee incubatee) {
        milestones.createFromTemplate(incubatee.id(), cohort, incubatee.enrolledAt(), Instant.now());
        String later = LocalDate.now(ZoneId.of("Africa/Bamako")).plusDays(30).toString();
        mongo.updateMulti(query(where("incubateeId").is(incubatee.id())), new Update().set("dueDate", later), Milestone.class);
    }

    private void overdue(Incubatee incubatee, String... codes) {
        String yesterday = LocalDate.now(ZoneId.of("Africa/Bamako")).minusDays(1).toString();
        for (String code : codes) {
            mongo.updateFirst(query(where("id").is(incubatee.id() + ":" + code)), new Update().set("dueDate", yesterday),
                    Milestone.class);
        }
    }

    private void validate(Incubatee incubatee, String code) {
        mongo.updateFirst(query(where("id").is(incubatee.id() + ":" + code)),
                new Update().set("status", Milestone.MilestoneStatus.VALIDATED), Milestone.class);
    }

    private static List<String> ids(JsonNode dashboard) {
        List<String> ids = new ArrayList<>();
        dashboard.get("incubatees").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
