package ml.sdn.portal.api;

import ml.sdn.portal.web.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link RestClient} per service, straight to the service (the portal sits inside the network, like
 * the gateway), balanced over its instances ({@link BalancedCalls}, {@link ServiceInstances}). Every call carries the
 * signed-in user's access token (none on public pages) and the page's language, so services check the user themselves
 * and answer problems in the right language. A refusal becomes an {@link ApiException} carrying the problem.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceApis {

    private static final Logger log = LoggerFactory.getLogger(ServiceApis.class);


    private static final List<String> SERVICES = List.of("registration", "competition", "incubation", "notification");

    /** The four clients; inject this and pick one. */
    public record Apis(RestClient registration, RestClient competition, RestClient incubation, RestClient notification) {
    }

    @Bean
    ServiceInstances serviceInstances(CalledServices called) {
        return new ServiceInstances(called, SERVICES);
    }

    @Bean
    Apis apis(CalledServices called, ServiceInstances instances, JsonMapper json) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(called.serviceTimeout());
        return new Apis(client("registration", called, instances, requests, json), client("competition", called, instances, requests, json),
                client("incubation", called, instances, requests, json), client("notification", called, instances, requests, json));
    }

    private static RestClient client(String service, CalledServices called, ServiceInstances instances,
                                     JdkClientHttpRequestFactory requests, JsonMapper json) {
        URI base = called.uris(service).get(0);
        return RestClient.builder()
                .baseUrl(base.toString())
                .requestFactory(requests)
                .requestInterceptor((request, body, execution) -> {
                    CurrentUser.current().ifPresent(user -> request.getHeaders().setBearerAuth(user.accessToken()));
                    request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, LocaleContextHolder.getLocale().getLanguage());
                    try {
                        return execution.execute(request, body);
                    } catch (IOException unreachable) {
                        log.warn("{} {} failed: {}", request.getMethod(), request.getURI(), unreachable.toString());
                        throw new ApiException(new ApiProblem(503, "unreachable", null, List.of()));
                    }
                })
                // inside the one above: the token and language are set once, for every instance tried
                .requestInterceptor(new BalancedCalls(service, instances, base))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) ->
                        { throw new ApiException(problemOf(response.getStatusCode().value(), response.getBody().readAllBytes(), json)); })
                .build();
    }

    static ApiProblem problemOf(int status, byte[] body, JsonMapper json) {
        try {
            JsonNode problem = json.readTree(body);
            List<ApiProblem.FieldMessage> errors = new ArrayList<>();
            JsonNode list = problem.path("errors");
            if (list.isArray()) {
                list.forEach(error -> errors.add(new ApiProblem.FieldMessage(error.path("field").asString(""),
                        error.path("message").asString(""))));
            }
            return new ApiProblem(status, text(problem.get("title")), text(problem.get("detail")), errors);
        } catch (RuntimeException notJson) {
            return new ApiProblem(status, null, null, List.of());
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
