package ml.sdn.portal.organizer;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ApiProblem;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** What the jury pages send competition-service, and where its refusals land on the page. */
class JuryControllerTest {

    private static final String C = "http://service/api/competitions";

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://service")
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                int status = response.getStatusCode().value();
                throw new ApiException(new ApiProblem(status, "La demande contient des erreurs.", null,
                        status == 400 ? List.of(new ApiProblem.FieldMessage("reason", "La raison est obligatoire."),
                                new ApiProblem.FieldMessage("applicationId", "La candidature est obligatoire.")) : List.of()));
            });
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final RestClient client = builder.build();
    private final Apis apis = new Apis(client, client, client, client);

    private void expectJuryPage() {
        server.expect(requestTo(C + "/categories/c1/jurors")).andRespond(withSuccess("{\"jurors\":[]}", MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/categories/c1/assignments?size=100")).andRespond(withSuccess("{\"content\":[]}", MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/categories/c1/assignments?status=CONFLICTED&size=100"))
                .andRespond(withSuccess("{\"content\":[]}", MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/applications?editionId=e4&categoryId=c1&status=SUBMITTED&size=100"))
                .andRespond(withSuccess("{\"content\":[]}", MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/editions/e4/categories")).andRespond(withSuccess("[]", MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/editions/e4/categories/c1")).andRespond(withSuccess("{\"id\":\"c1\"}", MediaType.APPLICATION_JSON));
    }

    @Test
    void a_manual_assignment_goes_to_the_service_with_its_reason_and_comes_back_saved() {
        server.expect(requestTo(C + "/categories/c1/assignments/manual")).andExpect(method(HttpMethod.POST))
                .andExpect(content().json("""
                        {"applicationId":"a-1","username":"jury-ml","round":"FINAL","reason":"Renfort pour la finale"}"""))
                .andRespond(withStatus(org.springframework.http.HttpStatus.CREATED));

        String view = new OrganizerCategoryController(apis).assignManually("e4", "c1", "a-1", "jury-ml", "FINAL",
                "Renfort pour la finale", new ExtendedModelMap());

        server.verify();
        assertThat(view).isEqualTo("redirect:/organizer/editions/e4/categories/c1/jury?assigned");
    }

    @Test
    void a_refused_manual_assignment_shows_every_field_error_with_what_was_typed() {
        server.expect(requestTo(C + "/categories/c1/assignments/manual"))
                .andExpect(content().json("{\"applicationId\":null,\"username\":\"jury-ml\",\"reason\":null}"))
                .andRespond(withStatus(org.springframework.http.HttpStatus.BAD_REQUEST));
        expectJuryPage();
        ExtendedModelMap model = new ExtendedModelMap();

        String view = new OrganizerCategoryController(apis).assignManually("e4", "c1", " ", "jury-ml", "{$ne:1}", " ", model);

        server.verify();
        assertThat(view).isEqualTo("organizer/jury");
        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("reason", "La raison est obligatoire.",
                "applicationId", "La candidature est obligatoire."));
        assertThat(model.get("manual")).asString().contains("jury-ml");
    }

    @Test
    void a_review_taken_away_sends_the_reason_encoded_and_a_refusal_goes_next_to_that_review() {
        server.expect(requestTo(C + "/categories/c1/assignments/r1?reason=Absent%20%26%20malade")).andExpect(method(HttpMethod.DELETE))
                .andRespond(withSuccess("{}", MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/categories/c1/assignments/r2?reason=")).andExpect(method(HttpMethod.DELETE))
                .andRespond(withStatus(org.springframework.http.HttpStatus.BAD_REQUEST));
        expectJuryPage();
        ExtendedModelMap model = new ExtendedModelMap();
        OrganizerCategoryController controller = new OrganizerCategoryController(apis);

        assertThat(controller.removeAssignment("e4", "c1", "r1", " Absent & malade ", new ExtendedModelMap()))
                .isEqualTo("redirect:/organizer/editions/e4/categories/c1/jury?removed");
        assertThat(controller.removeAssignment("e4", "c1", "r2", null, model)).isEqualTo("organizer/jury");

        server.verify();
        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("removeReason", "La raison est obligatoire."));
        assertThat(model.get("removing")).isEqualTo("r2");
    }

    @Test
    void the_jury_address_opens_the_asked_category_of_the_current_edition_or_its_first() {
        server.expect(requestTo(C + "/editions/current")).andRespond(withSuccess("{\"id\":\"e4\"}", MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/editions/e4/categories")).andRespond(withSuccess("""
                [{"id":"c1","code":"START_UP_CHALLENGE"},{"id":"c2","code":"PROJECT_CONTEST"}]""", MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/editions/e4")).andRespond(withSuccess("{\"id\":\"e4\"}", MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/editions/e4/categories")).andRespond(withSuccess("""
                [{"id":"c1","code":"START_UP_CHALLENGE"},{"id":"c2","code":"PROJECT_CONTEST"}]""", MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/editions/current")).andRespond(withStatus(org.springframework.http.HttpStatus.NOT_FOUND));
        OrganizerJuryController controller = new OrganizerJuryController(apis);

        assertThat(controller.jury(null, "project_contest")).isEqualTo("redirect:/organizer/editions/e4/categories/c2/jury");
        assertThat(controller.jury("e4", null)).isEqualTo("redirect:/organizer/editions/e4/categories/c1/jury");
        assertThat(controller.jury(null, null)).isEqualTo("redirect:/organizer/editions");

        server.verify();
        assertThat(OrganizerJuryController.chosen(List.of(Map.of("id", "c1", "code", "X")), "../../admin")).isNull();
    }
}
