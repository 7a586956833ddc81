package ml.sdn.incubation.incubatees;

import ml.sdn.events.incubation.CoachAssigned;
import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.testing.ServiceApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The coach roster, assignment and reassignment with their history and events. */
class CoachAssignmentIT extends IncubateesITBase {

    private static final String COACHES = "/api/incubation/coaches";

    @Test
    void a_coach_joins_the_roster_by_signing_in_and_organizers_see_their_load() {
        Person coach = person("coach", "ML", "coach");
        Person organizer = person("organizer", "ML", "organizer");
        assertThat(entry(api().get(COACHES, organizer.token()).json(), coach.id())).isNull();

        assertThat(api().get("/api/incubation/dashboard", coach.token()).status()).isEqualTo(200);

        JsonNode entry = entry(api().get(COACHES, organizer.token()).json(), coach.id());
        assertThat(entry.get("name").asString()).isEqualTo(coach.username());
        assertThat(entry.get("verified").asBoolean()).isTrue();
        assertThat(entry.get("onRoster").asBoolean()).isTrue();
        assertThat(entry.get("activeIncubatees").asInt()).isZero();

        Cohort cohort = fixtures().cohort(3);
        Incubatee incubatee = incubatee(cohort, unique("p"), null, "ML");
        assertThat(assign(organizer, incubatee.id(), coach.id()).status()).isEqualTo(200);
        assertThat(entry(api().get(COACHES, organizer.token()).json(), coach.id()).get("activeIncubatees").asInt())
                .isEqualTo(1);
    }

    @Test
    void reassignment_keeps_the_history_and_publishes_the_previous_coach() {
        Person organizer = person("organizer", "ML", "organizer");
        String first = unique("coach");
        String second = unique("coach");
        declare(organizer, first, "Awa Traoré", second, "Ibrahim Maïga");
        Cohort cohort = fixtures().cohort(3);
        Incubatee incubatee = incubatee(cohort, unique("p"), null, "ML");

        JsonNode afterFirst = assign(organizer, incubatee.id(), first).json();
        assertThat(afterFirst.get("coach").get("name").asString()).isEqualTo("Awa Traoré");
        ServiceApi.Response secondAssignment = assign(organizer, incubatee.id(), second);
        assertThat(secondAssignment.status()).isEqualTo(200);
        JsonNode afterSecond = secondAssignment.json();
        assertThat(afterSecond.get("coach").get("id").asString()).isEqualTo(second);
        JsonNode history = afterSecond.get("coachHistory");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("coachId").asString()).isEqualTo(first);
        assertThat(history.get(0).get("unassignedAt").asString()).isEqualTo(history.get(1).get("assignedAt").asString());
        assertThat(history.get(1).get("unassignedAt").isNull()).isTrue();
        assertThat(history.get(1).get("assignedBy").asString()).isEqualTo(organizer.id());

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> incubateeEvents().all(incubatee.id(), CoachAssigned.TYPE.type()).size() == 2);
        List<ConsumerRecord<String, String>> both = incubateeEvents().all(incubatee.id(), CoachAssigned.TYPE.type());
        JsonNode firstEvent = JSON.readTree(both.get(0).value());
        JsonNode secondEvent = JSON.readTree(both.get(1).value());
        assertThat(firstEvent.get("previousCoachId").isNull()).isTrue();
        assertThat(secondEvent.get("coachId").asString()).isEqualTo(second);
        assertThat(secondEvent.get("previousCoachId").asString()).isEqualTo(first);

        // the same coach again: nothing changes
        assertThat(assign(organizer, incubatee.id(), second).json().get("coachHistory")).hasSize(2);
    }

    @Test
    void the_new_coach_sees_the_incubatee_and_the_previous_one_no_longer_does() {
        Person organizer = person("organizer", "ML", "organizer");
        Person before = person("coach", "ML", "coach");
        Person after = person("coach", "BF", "coach");
        api().get("/api/incubation/dashboard", before.token());
        api().get("/api/incubation/dashboard", after.token());
        Incubatee incubatee = incubatee(fixtures().cohort(3), unique("p"), null, "ML");
        assign(organizer, incubatee.id(), before.id());
        assign(organizer, incubatee.id(), after.id());

        assertThat(api().get("/api/incubation/incubatees/" + incubatee.id(), after.token()).status()).isEqualTo(200);
        assertThat(api().get("/api/incubation/incubatees/" + incubatee.id(), before.token()).status()).isEqualTo(404);
    }

    @Test
    void only_a_coach_on_the_roster_can_be_assigned() {
        Person organizer = person("organizer", "ML", "organizer");
        Incubatee incubatee = incubatee(fixtures().cohort(3), unique("p"), null, "ML");

        assertThat(IncubateeAccessIT.fieldOf(assign(organizer, incubatee.id(), unique("nobody")))).isEqualTo("coachId");

        // taken off the roster by a new declaration that leaves them out
        String coach = unique("coach");
        declare(organizer, coach, "Awa");
        declare(organizer, unique("coach"), "Someone else");
        assertThat(IncubateeAccessIT.fieldOf(assign(organizer, incubatee.id(), coach))).isEqualTo("coachId");
        // still listed, off the roster, so that an organizer can put them back
        JsonNode off = entry(api().get(COACHES, organizer.token()).json(), coach);
        assertThat(off.get("onRoster").asBoolean()).isFalse();
    }

    @Test
    void the_roster_and_assignment_reject_bad_input_and_other_roles() {
        Person organizer = person("organizer", "ML", "organizer");
        Incubatee incubatee = incubatee(fixtures().cohort(3), unique("p"), null, "ML");
        String coach = unique("coach");
        declare(organizer, coach, "Awa");

        assertThat(IncubateeAccessIT.fieldOf(api().put(COACHES, organizer.token(),
                "{\"coaches\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\", \"name\": \"B\"}]}")))
                .isEqualTo("coaches[1].id");
        assertThat(IncubateeAccessIT.fieldOf(api().put(COACHES, organizer.token(),
                "{\"coaches\": [{\"id\": \"a b\", \"name\": \"A\"}]}"))).isEqualTo("coaches[0].id");
        assertThat(IncubateeAccessIT.fieldOf(api().put(COACHES, organizer.token(),
                "{\"coaches\": [{\"id\": \"a\", \"name\": \"\"}]}"))).isEqualTo("coaches[0].name");
        assertThat(IncubateeAccessIT.fieldOf(api().put("/api/incubation/incubatees/" + incubatee.id() + "/coach",
                organizer.token(), "{}"))).isEqualTo("coachId");
        assertThat(IncubateeAccessIT.fieldOf(api().put("/api/incubation/incubatees/" + incubatee.id() + "/coach",
                organizer.token(), "{\"coachId\": \"" + coach + "\", \"coachName\": \"" + "n".repeat(121) + "\"}")))
                .isEqualTo("coachName");
        assertThat(assign(organizer, "no-such-incubatee", coach).status()).isEqualTo(404);

        for (String role : List.of("coach", "participant", "coordinator")) {
            Person other = person(role, "ML", role);
            assertThat(assign(other, incubatee.id(), coach).status()).isEqualTo(403);
            assertThat(api().get(COACHES, other.token()).status()).isEqualTo(403);
            assertThat(api().put(COACHES, other.token(), "{\"coaches\": []}").status()).isEqualTo(403);
        }
    }

    private ServiceApi.Response assign(Person organizer, String incubateeId, String coachId) {
        return api().put("/api/incubation/incubatees/" + incubateeId + "/coach", organizer.token(),
                "{\"coachId\": \"" + coachId + "\"}");
    }

    /** Replaces the roster with these coaches (pairs of id, name). */
    private void declare(Person organizer, String... idsAndNames) {
        StringBuilder body = new StringBuilder("{\"coaches\": [");
        for (int i = 0; i + 1 < idsAndNames.length; i += 2) {
            body.append(i == 0 ? "" : ",").append("{\"id\": \"").append(idsAndNames[i]).append("\", \"name\": \"")
                    .append(idsAndNames[i + 1]).append("\"}");
        }
        body.append("]}");
        ServiceApi.Response response = api().put(COACHES, organizer.token(), body.toString());
        assertThat(response.status()).isEqualTo(200);
    }

    private static JsonNode entry(JsonNode coaches, String id) {
        for (JsonNode coach : coaches) {
            if (coach.get("id").asString().equals(id)) {
                return coach;
            }
        }
        return null;
    }
}
