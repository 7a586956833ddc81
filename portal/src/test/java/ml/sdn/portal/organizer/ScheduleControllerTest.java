package ml.sdn.portal.organizer;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ApiProblem;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.RestClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** What the calendar and deadline forms send competition-service, and where its refusals land. */
class ScheduleControllerTest {

    private static final String C = "http://service/api/competitions";
    private static final String CATEGORY = """
            {"id":"c1","phases":[{"phase":"SUBMISSION","start":"2027-03-01T08:00:00"},
              {"phase":"EVALUATION","start":"2027-04-01T18:00:31"},{"phase":"CLOSED","start":"2027-05-01T08:00:00"}]}""";

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://service")
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                throw new ApiException(new ApiProblem(response.getStatusCode().value(), "La demande contient des erreurs.", null,
                        List.of(new ApiProblem.FieldMessage("phases[2].start", "La date de début de la phase est obligatoire."),
                                new ApiProblem.FieldMessage("reason", "La raison est obligatoire."))));
            });
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final RestClient client = builder.build();
    private final StaticMessageSource messages = new StaticMessageSource();
    private final OrganizerScheduleController controller = new OrganizerScheduleController(new Apis(client, client, client, client), messages);

    {
        messages.addMessage("organizer.schedule.dateTimeInvalid", Locale.getDefault(), "Indiquez une date et une heure.");
    }

    private void expectSchedulePage() {
        server.expect(requestTo(C + "/editions/e4/categories/c1")).andRespond(withSuccess(CATEGORY, MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/categories/c1/extensions")).andRespond(withSuccess("[]", MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/applications?editionId=e4&categoryId=c1&size=100"))
                .andRespond(withSuccess("{\"content\":[]}", MediaType.APPLICATION_JSON));
    }

    @Test
    void a_start_left_as_shown_keeps_its_second_and_a_moved_one_goes_as_typed() {
        server.expect(requestTo(C + "/editions/e4/categories/c1")).andRespond(withSuccess(CATEGORY, MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/editions/e4/categories/c1/phases")).andExpect(method(HttpMethod.PUT))
                .andExpect(content().json("""
                        {"phases":[{"phase":"SUBMISSION","start":"2027-03-01T08:00:00"},{"phase":"EVALUATION","start":"2027-04-01T18:00:31"},
                         {"phase":"CLOSED","start":"2027-05-20T09:30"}],"reason":"Salle indisponible"}""", true))
                .andRespond(withSuccess(CATEGORY, MediaType.APPLICATION_JSON));
        Map<String, String> form = new LinkedHashMap<>(Map.of("phases[SUBMISSION]", "2027-03-01T08:00",
                "phases[EVALUATION]", "2027-04-01T18:00", "phases[CLOSED]", "2027-05-20T09:30", "reason", "Salle indisponible"));

        assertThat(controller.reschedule("e4", "c1", form, new ExtendedModelMap()))
                .isEqualTo("redirect:/organizer/editions/e4/categories/c1/schedule?rescheduled");
        server.verify();
    }

    @Test
    void every_refusal_of_a_new_calendar_is_next_to_its_phase_the_portal_s_own_included() {
        server.expect(requestTo(C + "/editions/e4/categories/c1")).andRespond(withSuccess(CATEGORY, MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/editions/e4/categories/c1/phases"))
                .andExpect(content().json("""
                        {"phases":[{"phase":"SUBMISSION","start":null},{"phase":"EVALUATION","start":"2027-04-01T18:00:31"},
                         {"phase":"CLOSED","start":null}],"reason":null}""", true))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST));
        expectSchedulePage();
        ExtendedModelMap model = new ExtendedModelMap();
        Map<String, String> form = Map.of("phases[SUBMISSION]", "demain", "phases[EVALUATION]", "2027-04-01T18:00", "phases[CLOSED]", " ");

        assertThat(controller.reschedule("e4", "c1", form, model)).isEqualTo("organizer/schedule");

        server.verify();
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) model.get("fieldErrors");
        assertThat(errors).containsEntry("phases.SUBMISSION", "Indiquez une date et une heure.")
                .containsEntry("phases.CLOSED", "La date de début de la phase est obligatoire.")
                .containsEntry("rescheduleReason", "La raison est obligatoire.").doesNotContainKey("reason");
        assertThat(model.get("typedPhases")).asString().contains("demain");
    }

    @Test
    void one_applicant_s_extension_is_the_category_s_for_their_id_read_from_the_application() {
        server.expect(requestTo(C + "/applications/a1")).andRespond(withSuccess("""
                {"id":"a1","categoryId":"c1","applicantId":"p-7"}""", MediaType.APPLICATION_JSON));
        server.expect(requestTo(C + "/categories/c1/extensions")).andExpect(method(HttpMethod.POST))
                .andExpect(content().json("""
                        {"applicantId":"p-7","until":"2027-04-03T18:00","reason":"Hospitalisée"}""", true))
                .andRespond(withStatus(HttpStatus.CREATED));

        assertThat(controller.extendApplicant("a1", "2027-04-03T18:00", " Hospitalisée ", new ExtendedModelMap()))
                .isEqualTo("redirect:/organizer/applications/a1?extended");
        server.verify();
    }
}
