package ml.sdn.incubation.incubatees;

import ml.sdn.events.incubation.IncubateeDropped;
import ml.sdn.events.incubation.IncubateeGraduated;
import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Graduation and drop: only from ACTIVE, once, published for the competition. */
class StatusIT extends IncubateesITBase {

    @Test
    void graduation_is_published_with_the_application_edition_and_category() {
        Person organizer = person("organizer", "ML", "organizer");
        Incubatee incubatee = incubatee(fixtures().cohort(30), unique("p"), null, "ML");

        ServiceApi.Response response = api().post(path(incubatee, "graduate"), organizer.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("GRADUATED");
        JsonNode event = JSON.readTree(incubateeEvents().awaitRecord(incubatee.id(), IncubateeGraduated.TYPE.type()).value());
        assertThat(event.get("applicationId").asString()).isEqualTo(incubatee.applicationId());
        assertThat(event.get("editionId").asString()).isEqualTo(incubatee.editionId());
        assertThat(event.get("categoryId").asString()).isEqualTo(incubatee.categoryId());
        assertThat(event.get("graduatedAt").isNull()).isFalse();
        // only once
        assertThat(api().post(path(incubatee, "graduate"), organizer.token()).status()).isEqualTo(409);
        assertThat(api().postJson(path(incubatee, "drop"), organizer.token(), "{\"reason\": \"Trop tard\"}").status())
                .isEqualTo(409);
    }

    @Test
    void a_drop_needs_its_reason_and_publishes_it() {
        Person organizer = person("organizer", "ML", "organizer");
        Incubatee incubatee = incubatee(fixtures().cohort(30), unique("p"), null, "BF");

        assertThat(IncubateeAccessIT.fieldOf(api().postJson(path(incubatee, "drop"), organizer.token(), "{}")))
                .isEqualTo("reason");
        assertThat(IncubateeAccessIT.fieldOf(api().postJson(path(incubatee, "drop"), organizer.token(),
                "{\"reason\": \"" + "x".repeat(501) + "\"}"))).isEqualTo("reason");

        ServiceApi.Response dropped = api().postJson(path(incubatee, "drop"), organizer.token(),
                "{\"reason\": \"  L'équipe a abandonné le projet  \"}");
        assertThat(dropped.status()).isEqualTo(200);
        assertThat(dropped.json().get("status").asString()).isEqualTo("DROPPED");
        assertThat(dropped.json().get("statusReason").asString()).isEqualTo("L'équipe a abandonné le projet");
        JsonNode event = JSON.readTree(incubateeEvents().awaitRecord(incubatee.id(), IncubateeDropped.TYPE.type()).value());
        assertThat(event.get("reason").asString()).isEqualTo("L'équipe a abandonné le projet");
        assertThat(event.get("applicationId").asString()).isEqualTo(incubatee.applicationId());

        ServiceApi.Response again = api().post(path(incubatee, "graduate"), organizer.token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("DROPPED");
    }

    @Test
    void only_organizers_change_the_status_and_an_unknown_incubatee_is_not_found() {
        Incubatee incubatee = incubatee(fixtures().cohort(30), unique("p"), null, "NE");
        for (String role : List.of("coach", "participant", "coordinator")) {
            String token = person(role, "NE", role).token();
            assertThat(api().post(path(incubatee, "graduate"), token).status()).isEqualTo(403);
            assertThat(api().postJson(path(incubatee, "drop"), token, "{\"reason\": \"x\"}").status()).isEqualTo(403);
        }
        String organizer = person("organizer", "ML", "organizer").token();
        assertThat(api().post("/api/incubation/incubatees/unknown/graduate", organizer).status()).isEqualTo(404);
        assertThat(api().postJson("/api/incubation/incubatees/unknown/drop", organizer, "{\"reason\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(api().postJson(path(incubatee, "drop"), organizer, "not json").status()).isEqualTo(400);
    }

    private static String path(Incubatee incubatee, String action) {
        return "/api/incubation/incubatees/" + incubatee.id() + "/" + action;
    }
}
