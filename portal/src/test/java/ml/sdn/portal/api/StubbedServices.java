package ml.sdn.portal.api;

import org.springframework.http.HttpStatusCode;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The services as a controller test sees them: one client for all four, answered by {@link #server()}, that turns a
 * refusal into an {@link ApiException} with the problem's field errors, as the portal's own clients do.
 */
public final class StubbedServices {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockRestServiceServer server;
    private final RestClient client;

    public StubbedServices() {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://service")
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    JsonNode problem = JSON.readTree(response.getBody().readAllBytes());
                    List<ApiProblem.FieldMessage> errors = new ArrayList<>();
                    problem.path("errors").forEach(e -> errors.add(new ApiProblem.FieldMessage(e.path("field").asString(),
                            e.path("message").asString())));
                    throw new ApiException(new ApiProblem(response.getStatusCode().value(), problem.path("title").asString(null),
                            problem.path("detail").asString(null), errors));
                });
        this.server = MockRestServiceServer.bindTo(builder).build();
        this.client = builder.build();
    }

    public MockRestServiceServer server() {
        return server;
    }

    public ServiceApis.Apis apis() {
        return new ServiceApis.Apis(client, client, client, client);
    }
}
