package ml.sdn.portal.badges;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ApiProblem;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** What the badge printing form asks registration-service: the day, the layout, and the delegation and category chosen. */
class BadgesControllerTest {

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://registration")
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                throw new ApiException(new ApiProblem(response.getStatusCode().value(), "refusé", null,
                        List.of(new ApiProblem.FieldMessage("category", "catégorie inconnue"))));
            });
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final RestClient client = builder.build();
    private final BadgesController controller = new BadgesController(new Apis(client, client, client, client),
            new StaticMessageSource());

    @Test
    void an_organizer_prints_one_category_of_one_delegation() {
        server.expect(requestTo("http://registration/api/registrations/attendance/days/2026-01-29/badges.pdf?layout=single&country=BF&category=PRESS"))
                .andRespond(withSuccess(new byte[] {'%', 'P', 'D', 'F'}, MediaType.APPLICATION_PDF));

        Object answer = controller.organizerPdf("2026-01-29", "BF", "single", "PRESS", new ExtendedModelMap());

        server.verify();
        assertThat(answer).isInstanceOf(ResponseEntity.class);
        assertThat(((ResponseEntity<?>) answer).getBody()).isEqualTo(new byte[] {'%', 'P', 'D', 'F'});
    }

    @Test
    void all_categories_send_none_and_a_refused_category_is_said_next_to_its_field() {
        server.expect(requestTo("http://registration/api/registrations/attendance/days/2026-01-29/badges.pdf?layout=sheet"))
                .andRespond(withSuccess(new byte[] {'%'}, MediaType.APPLICATION_PDF));
        server.expect(requestTo("http://registration/api/registrations/attendance/days/2026-01-29/badges.pdf?layout=sheet&category=ROI"))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST));
        server.expect(requestTo("http://registration/api/registrations/attendance/days"))
                .andRespond(withSuccess("[{\"day\":\"2026-01-29\"}]", MediaType.APPLICATION_JSON));
        ExtendedModelMap model = new ExtendedModelMap();

        controller.coordinatorPdf("2026-01-29", null, "", new ExtendedModelMap());
        Object refused = controller.coordinatorPdf("2026-01-29", null, "ROI", model);

        server.verify();
        assertThat(refused).isInstanceOf(ModelAndView.class);
        assertThat(((ModelAndView) refused).getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("category", "catégorie inconnue"));
        assertThat(((BadgesController.Choice) model.get("choice")).category()).isEqualTo("ROI");
    }
}
