package ml.sdn.portal.doors;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ApiProblem;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** The day's attendance file asked of registration-service, which keeps no editions: the portal names the current one. */
class DoorFiguresFileTest {

    private static final String R = "http://service/api/registrations/attendance";
    private static final String CURRENT = "http://service/api/competitions/editions/current";

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://service")
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                throw new ApiException(new ApiProblem(response.getStatusCode().value(), "refusé", null, List.of()));
            });
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final RestClient client = builder.build();
    private final DoorFiguresController controller = new DoorFiguresController(new Apis(client, client, client, client),
            new StaticListableBeanFactory().getBeanProvider(Clock.class));

    private void expectDays() {
        server.expect(requestTo(R + "/days")).andRespond(withSuccess("[{\"day\":\"2026-01-29\"}]", MediaType.APPLICATION_JSON));
    }

    @Test
    void the_file_names_the_current_edition_and_keeps_the_services_name() {
        expectDays();
        server.expect(requestTo(CURRENT)).andRespond(withSuccess("{\"id\":\"e3\",\"number\":3,\"year\":2026}", MediaType.APPLICATION_JSON));
        HttpHeaders named = new HttpHeaders();
        named.setContentDisposition(ContentDisposition.attachment().filename("presences-2026-01-29.csv").build());
        server.expect(requestTo(R + "/days/2026-01-29/attendees.csv?edition=3%20%282026%29"))
                .andRespond(withSuccess("\uFEFFÉdition 3 (2026)".getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"))
                        .headers(named));

        ResponseEntity<byte[]> file = controller.organizerFile("csv", "2026-01-29");

        server.verify();
        assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("presences-2026-01-29.csv");
        assertThat(file.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
    }

    @Test
    void without_a_current_edition_the_file_is_asked_for_without_one() {
        expectDays();
        server.expect(requestTo(CURRENT)).andRespond(withStatus(HttpStatus.NOT_FOUND));
        server.expect(requestTo(R + "/days/2026-01-29/attendees.xlsx"))
                .andRespond(withSuccess(new byte[] {1}, MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));

        ResponseEntity<byte[]> file = controller.coordinatorFile("xlsx", "2026-01-29");

        server.verify();
        assertThat(file.getHeaders().getContentType()).hasToString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void no_open_day_is_no_file_and_no_question_to_competition() {
        server.expect(requestTo(R + "/days")).andRespond(withSuccess("[]", MediaType.APPLICATION_JSON));

        ResponseEntity<byte[]> file = controller.organizerFile("csv", "2026-01-29");

        server.verify();
        assertThat(file.getStatusCode().value()).isEqualTo(404);
    }
}
