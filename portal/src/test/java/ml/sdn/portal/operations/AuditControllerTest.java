package ml.sdn.portal.operations;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ApiProblem;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** What the audit page asks competition-service: the current edition's trail, the action as typed, twenty a page. */
class AuditControllerTest {

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://competition")
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                throw new ApiException(new ApiProblem(response.getStatusCode().value(), "refusé", null,
                        List.of(new ApiProblem.FieldMessage("action", "inconnue"))));
            });
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final RestClient client = builder.build();
    private final AuditController controller = new AuditController(new Apis(client, client, client, client));

    @Test
    void the_current_editions_trail_is_asked_with_the_filter_and_a_refusal_is_said_next_to_it() {
        server.expect(requestTo("http://competition/api/competitions/editions/current"))
                .andRespond(withSuccess("{\"id\":\"e4\",\"number\":4}", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://competition/api/competitions/editions/e4/categories"))
                .andRespond(withSuccess("[{\"id\":\"c1\",\"name\":{\"fr\":\"Start-up\",\"en\":\"Start-up\"}}]", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://competition/api/competitions/audit?editionId=e4&action=%7B%24ne%3A1%7D&page=2&size=20"))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST));
        ExtendedModelMap model = new ExtendedModelMap();

        assertThat(controller.audit(null, "{$ne:1}", "2", model)).isEqualTo("operations/audit");

        server.verify();
        assertThat(model.get("fieldErrors")).isEqualTo(Map.of("action", "inconnue"));
        assertThat(model.get("categories")).isEqualTo(Map.of("c1", Map.of("fr", "Start-up", "en", "Start-up")));
        assertThat(model.get("pageLink")).isEqualTo("/organizer/audit?edition=e4&action=%7B$ne:1%7D");
    }

    @Test
    void without_a_current_edition_nothing_more_is_asked() {
        server.expect(requestTo("http://competition/api/competitions/editions/current")).andRespond(withStatus(HttpStatus.NOT_FOUND));
        ExtendedModelMap model = new ExtendedModelMap();

        controller.audit(null, null, null, model);

        server.verify();
        assertThat(model.get("edition")).isNull();
        assertThat(model.get("result")).isNull();
    }
}
