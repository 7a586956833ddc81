package ml.sdn.e2e;

import ml.sdn.localstack.LocalStack;
import ml.sdn.localstack.ServiceModule;
import ml.sdn.testing.MalformedRequests;
import ml.sdn.testing.ServiceApi;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The malformed requests each service answers on its own port (the platform contract sends them all there)
 * also go through the real gateway to the real service: a sample of each service's, from a real Keycloak
 * token, answered with a problem or a success, never a 5xx, never nothing. The sample stays under the
 * gateway's rate limit of one caller (a demo user no other test uses), so every request reaches its service.
 */
@ExtendWith(RunningPlatform.class)
class MalformedRequestsThroughTheGatewayIT {

    /** Four services, one caller: 4 × (22 + 2 calls of whoami) requests stay under the 100 a minute the gateway gives one subject. */
    static final int PER_SERVICE = 22;

    private final Platform platform;
    private final LocalStack stack;

    MalformedRequestsThroughTheGatewayIT(Platform platform, LocalStack stack) {
        this.platform = platform;
        this.stack = stack;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"REGISTRATION, /api/registrations", "COMPETITION, /api/competitions", "INCUBATION, /api/incubation",
            "NOTIFICATION, /api/notifications"})
    void a_sample_of_malformed_requests_is_answered_with_problems_through_the_gateway(ServiceModule service, String prefix) {
        String token = platform.tokenOf("coordinator-ne");
        // the document from the service itself: its first rendering can take longer than the gateway waits on a busy machine
        JsonNode document = platform.get(stack.serviceUrl(service) + prefix + "/openapi", null).json();
        ServiceApi gateway = new ServiceApi(URI.create(platform.gateway("")).getPort());
        // the route in use first: a cold service's first answer is not what this test is about
        assertThat(platform.get(platform.gateway(prefix + "/whoami"), token).status()).isEqualTo(200);
        List<String> wrong = new ArrayList<>();

        for (MalformedRequests.Request request : sample(MalformedRequests.of(document, token))) {
            try {
                ServiceApi.Response response = gateway.raw(request.method(), request.target(), request.headers(), request.body());
                if (response.status() >= 500
                        || response.status() >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    wrong.add(response.status() + " " + response.contentType() + " for " + request);
                }
            } catch (UncheckedIOException noAnswer) {
                wrong.add("no answer (" + noAnswer.getCause() + ") for " + request);
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(platform.get(platform.gateway(prefix + "/whoami"), token).status()).as("still answering").isEqualTo(200);
    }

    /** Spread over the whole list (ids, query values, bodies, content types), with the two odd methods first. */
    private static List<MalformedRequests.Request> sample(List<MalformedRequests.Request> all) {
        List<MalformedRequests.Request> sample = new ArrayList<>();
        all.stream().filter(request -> request.method().equals("FOO")).findFirst().ifPresent(sample::add);
        all.stream().filter(request -> request.method().equals("TRACE")).findFirst().ifPresent(sample::add);
        int rest = PER_SERVICE - sample.size();
        for (int i = 0; i < rest; i++) {
            sample.add(all.get(i * all.size() / rest));
        }
        return sample;
    }
}
