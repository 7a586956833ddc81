package ml.sdn.portal.operations;

import ml.sdn.portal.api.ApiException;
import ml.sdn.portal.api.ApiProblem;
import ml.sdn.portal.api.ServiceApis.Apis;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** What the operations pages ask the services and where a refusal or a silent service ends up. */
class OperationsControllerTest {

    private static final String EMPTY = "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}";

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://service")
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                throw new ApiException(new ApiProblem(response.getStatusCode().value(), "refusé", null,
                        response.getStatusCode().value() == 400 ? List.of(new ApiProblem.FieldMessage("channel", "inconnu"))
                                : List.of()));
            });
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final RestClient client = builder.build();
    private final OperationsController controller = new OperationsController(new Apis(client, client, client, client));

    @Test
    void the_filters_go_to_the_delivery_log_as_typed_and_each_recipient_is_masked() {
        server.expect(requestTo("http://service/api/notifications/admin/deliveries?status=FAILED&channel=SMS&page=1&size=20"))
                .andRespond(withSuccess("""
                        {"items":[{"kind":"PRESELECTED","channel":"SMS","to":"+22370000045","status":"FAILED"}],
                         "page":1,"size":20,"total":21}""", MediaType.APPLICATION_JSON));
        ExtendedModelMap model = new ExtendedModelMap();

        assertThat(controller.deliveries(" FAILED ", "SMS", "1", model)).isEqualTo("operations/deliveries");

        server.verify();
        assertThat(model.get("totalPages")).isEqualTo(2);
        assertThat(model.get("pageLink")).isEqualTo("/organizer/deliveries?status=FAILED&channel=SMS");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) ((Map<String, Object>) model.get("result")).get("items");
        assertThat(items.get(0)).containsEntry("recipient", "+223••••••45");
    }

    @Test
    void a_refused_filter_is_said_next_to_it_and_a_silent_service_on_the_page() {
        server.expect(requestTo("http://service/api/notifications/admin/deliveries?channel=FAX&size=20"))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST));
        server.expect(requestTo("http://service/api/notifications/admin/deliveries?size=20"))
                .andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));
        ExtendedModelMap refused = new ExtendedModelMap();
        ExtendedModelMap silent = new ExtendedModelMap();

        controller.deliveries(null, "FAX", null, refused);
        controller.deliveries(null, null, null, silent);

        assertThat(refused.get("fieldErrors")).isEqualTo(Map.of("channel", "inconnu"));
        assertThat(refused.get("result")).isNull();
        assertThat(silent.get("unavailable")).isEqualTo(true);
    }

    @Test
    void each_service_is_asked_for_its_dead_letters_and_one_that_does_not_answer_is_said_alone() {
        server.expect(requestTo("http://service/api/registrations/admin/dead-letters?size=50")).andRespond(withSuccess(EMPTY, MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://service/api/competitions/admin/dead-letters?size=50"))
                .andRespond(withSuccess("{\"items\":[{\"id\":\"dl-1\",\"originalTopic\":\"competition.applications\"}],\"page\":0,\"size\":50,\"total\":1}",
                        MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://service/api/incubation/admin/dead-letters?size=50")).andRespond(withStatus(HttpStatus.BAD_GATEWAY));
        server.expect(requestTo("http://service/api/notifications/admin/dead-letters?size=50"))
                .andRespond(withSuccess(EMPTY, MediaType.APPLICATION_JSON));
        ExtendedModelMap model = new ExtendedModelMap();

        controller.deadLetters(model);

        server.verify();
        @SuppressWarnings("unchecked")
        List<OperationsController.ServiceLetters> services = (List<OperationsController.ServiceLetters>) model.get("services");
        assertThat(services).extracting(OperationsController.ServiceLetters::name)
                .containsExactly("registration", "competition", "incubation", "notification");
        assertThat(services.get(1).total()).isEqualTo(1);
        assertThat(services.get(2).available()).isFalse();
        assertThat(model.get("none")).isEqualTo(false);
    }

    @Test
    void sending_again_goes_to_notification_service_and_comes_back_with_its_outcome() {
        server.expect(requestTo("http://service/api/notifications/admin/deliveries/d-1/send-again"))
                .andExpect(method(HttpMethod.POST)).andRespond(withSuccess("{}", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://service/api/notifications/admin/deliveries/d-2/send-again"))
                .andExpect(method(HttpMethod.POST)).andRespond(withStatus(HttpStatus.CONFLICT));
        server.expect(requestTo("http://service/api/notifications/admin/deliveries/d-3/send-again"))
                .andExpect(method(HttpMethod.POST)).andRespond(withStatus(HttpStatus.NOT_FOUND));
        server.expect(requestTo("http://service/api/notifications/admin/deliveries/d-4/send-again"))
                .andExpect(method(HttpMethod.POST)).andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));

        assertThat(controller.sendAgain("d-1")).isEqualTo("redirect:/organizer/deliveries?sentAgain");
        assertThat(controller.sendAgain("d-2")).isEqualTo("redirect:/organizer/deliveries?notSentAgain");
        assertThat(controller.sendAgain("d-3")).isEqualTo("redirect:/organizer/deliveries?unknown");
        assertThat(controller.sendAgain("d-4")).isEqualTo("redirect:/organizer/deliveries?failed");
        server.verify();
    }

    @Test
    void a_replay_goes_to_the_letters_service_and_comes_back_with_its_outcome() {
        server.expect(requestTo("http://service/api/competitions/admin/dead-letters/dl-1/replay")).andExpect(method(HttpMethod.POST))
                .andRespond(withSuccess("{}", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://service/api/incubation/admin/dead-letters/gone/replay")).andExpect(method(HttpMethod.POST))
                .andRespond(withStatus(HttpStatus.NOT_FOUND));

        assertThat(controller.replay("competition", "dl-1")).isEqualTo("redirect:/organizer/dead-letters?replayed#competition");
        assertThat(controller.replay("incubation", "gone")).isEqualTo("redirect:/organizer/dead-letters?unknown#incubation");
        // a service that is not one of the four is never asked
        assertThat(controller.replay("gateway", "dl-1")).isEqualTo("redirect:/organizer/dead-letters?unknown");
        server.verify();
    }
}
