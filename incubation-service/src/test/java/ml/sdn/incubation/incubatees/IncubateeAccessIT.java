package ml.sdn.incubation.incubatees;

import ml.sdn.incubation.cohorts.Cohort;
import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who reads which incubatee, from the reader's side and the attacker's. */
class IncubateeAccessIT extends IncubateesITBase {

    private static final String LIST = "/api/incubation/incubatees";

    @Test
    void an_organizer_lists_every_incubatee_with_filters_and_pages() {
        Cohort cohort = fixtures().cohort(10);
        Person organizer = person("organizer", "ML", "organizer");
        Person coach = person("coach", "ML", "coach");
        incubatee(cohort, unique("p"), coach.id(), "ML");
        incubatee(cohort, unique("p"), null, "BF");
        incubatee(cohort, unique("p"), coach.id(), "NE");

        JsonNode all = api().get(LIST + "?cohortId=" + cohort.id() + "&size=2", organizer.token()).json();
        assertThat(all.get("totalElements").asInt()).isEqualTo(3);
        assertThat(all.get("totalPages").asInt()).isEqualTo(2);
        assertThat(all.get("size").asInt()).isEqualTo(2);
        assertThat(all.get("content")).hasSize(2);
        assertThat(api().get(LIST + "?cohortId=" + cohort.id() + "&size=2&page=1", organizer.token()).json().get("content"))
                .hasSize(1);
        assertThat(api().get(LIST + "?cohortId=" + cohort.id() + "&country=BF", organizer.token()).json()
                .get("totalElements").asInt()).isEqualTo(1);
        assertThat(api().get(LIST + "?cohortId=" + cohort.id() + "&coachId=" + coach.id(), organizer.token()).json()
                .get("totalElements").asInt()).isEqualTo(2);
        assertThat(api().get(LIST + "?cohortId=" + cohort.id() + "&status=DROPPED", organizer.token()).json()
                .get("totalElements").asInt()).isZero();
    }

    @Test
    void a_coach_lists_only_their_incubatees_and_cannot_ask_for_another_coachs() {
        Cohort cohort = fixtures().cohort(10);
        Person coach = person("coach", "ML", "coach");
        Person otherCoach = person("coach", "BF", "coach");
        Incubatee mine = incubatee(cohort, unique("p"), coach.id(), "ML");
        incubatee(cohort, unique("p"), otherCoach.id(), "BF");

        JsonNode page = api().get(LIST + "?cohortId=" + cohort.id(), coach.token()).json();
        assertThat(ids(page)).containsExactly(mine.id());
        assertThat(api().get(LIST + "?coachId=" + otherCoach.id(), coach.token()).json().get("totalElements").asInt())
                .isZero();
    }

    @Test
    void a_participant_lists_only_their_own_record() {
        Cohort cohort = fixtures().cohort(10);
        Person participant = person("participant", "NE", "participant");
        Incubatee own = incubatee(cohort, participant.id(), null, "NE");
        incubatee(cohort, unique("p"), null, "NE");

        JsonNode page = api().get(LIST, participant.token()).json();
        assertThat(ids(page)).containsExactly(own.id());
        // what organizers alone see is absent
        assertThat(page.get("content").get(0).has("participantId")).isFalse();
        assertThat(page.get("content").get(0).has("coachHistory")).isFalse();
        assertThat(ids(api().get(LIST, person("participant", "NE", "participant").token()).json())).isEmpty();
    }

    @Test
    void coordinators_and_jurors_cannot_list_or_read_records() {
        Cohort cohort = fixtures().cohort(10);
        Incubatee incubatee = incubatee(cohort, unique("p"), null, "ML");
        for (String role : List.of("coordinator", "jury")) {
            String token = person(role, "ML", role).token();
            assertThat(api().get(LIST, token).status()).isEqualTo(403);
            assertThat(api().get(LIST + "/" + incubatee.id(), token).status()).isEqualTo(403);
        }
    }

    @Test
    void one_record_shows_progress_sessions_risk_and_coach_to_those_who_may_see_it() {
        Cohort cohort = fixtures().cohort(10);
        Person coach = person("coach", "ML", "coach");
        Person participant = person("participant", "ML", "participant");
        Incubatee incubatee = incubatee(cohort, participant.id(), coach.id(), "ML");

        ServiceApi.Response asCoach = api().get(LIST + "/" + incubatee.id(), coach.token());
        assertThat(asCoach.status()).isEqualTo(200);
        JsonNode record = asCoach.json();
        assertThat(record.get("coach").get("id").asString()).isEqualTo(coach.id());
        assertThat(record.get("coach").get("name").asString()).isEqualTo("Coach " + coach.id());
        assertThat(record.get("progress").get("total").asInt()).isZero();
        assertThat(record.get("progress").get("percent").asInt()).isZero();
        assertThat(record.get("sessions").asInt()).isZero();
        assertThat(record.get("risk").get("atRisk").asBoolean()).isFalse();
        assertThat(record.has("coachHistory")).isFalse();
        assertThat(record.has("participantId")).isFalse();
        // not yet known: null, not absent
        assertThat(record.get("lastContactAt").isNull()).isTrue();
        assertThat(record.get("statusReason").isNull()).isTrue();
        assertThat(api().get(LIST + "/" + incubatee.id(), participant.token()).status()).isEqualTo(200);

        JsonNode asOrganizer = api().get(LIST + "/" + incubatee.id(), person("organizer", "ML", "organizer").token()).json();
        assertThat(asOrganizer.get("coachHistory")).hasSize(1);
        assertThat(asOrganizer.get("participantId").asString()).isEqualTo(participant.id());
    }

    @Test
    void another_coachs_or_another_participants_record_is_not_found() {
        Cohort cohort = fixtures().cohort(10);
        Incubatee incubatee = incubatee(cohort, unique("p"), unique("coach"), "ML");

        for (Person stranger : List.of(person("coach", "ML", "coach"), person("participant", "ML", "participant"))) {
            ServiceApi.Response response = api().get(LIST + "/" + incubatee.id(), stranger.token());
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).doesNotContain(incubatee.title());
        }
        assertThat(api().get(LIST + "/no-such-id", person("organizer", "ML", "organizer").token()).status()).isEqualTo(404);
    }

    @Test
    void bad_list_parameters_are_named() {
        String organizer = person("organizer", "ML", "organizer").token();
        assertThat(fieldOf(api().get(LIST + "?status=SLEEPING", organizer))).isEqualTo("status");
        assertThat(fieldOf(api().get(LIST + "?country=FR", organizer))).isEqualTo("country");
        assertThat(fieldOf(api().get(LIST + "?size=101", organizer))).isEqualTo("size");
        assertThat(fieldOf(api().get(LIST + "?page=-1", organizer))).isEqualTo("page");
        assertThat(fieldOf(api().get(LIST + "?cohortId=" + "x".repeat(65), organizer))).isEqualTo("cohortId");
        assertThat(api().get(LIST, null).status()).isEqualTo(401);
    }

    static String fieldOf(ServiceApi.Response response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("errors").get(0).get("field").asString();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
