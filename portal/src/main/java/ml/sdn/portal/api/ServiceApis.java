package ml.sdn.portal.api;

import ml.sdn.portal.web.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link RestClient} per service, straight to the service (the portal sits inside the network, like
 * the gateway). Every call carries the signed-in user's access token (none on public pages) and the
 * page's language, so services check the user themselves and answer problems in the right language.
 * A refusal becomes an {@link ApiException} carrying the problem.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceApis {

    private static final Logger log = LoggerFactory.getLogger(ServiceApis.class);


    /** Base URIs; the same variables as the gateway's routes. */
    @ConfigurationProperties("sdn.portal.services")
    public record ServiceUris(String registration, String competition, String incubation, String notification,
                              Duration timeout) {
    }

    /** The four clients; inject this and pick one. */
    public record Apis(RestClient registration, RestClient competition, RestClient incubation, RestClient notification) {
    }

    @Bean
    Apis apis(ServiceUris uris, JsonMapper json) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(uris.timeout() == null ? Duration.ofSeconds(10) : uris.timeout());
        return new Apis(client(uris.registration(), requests, json), client(uris.competition(), requests, json),
                client(uris.incubation(), requests, json), client(uris.notification(), requests, json));
    }

    private static RestClient client(String baseUri, JdkClientHttpRequestFactory requests, JsonMapper json) {
        return RestClient.builder()
                .baseUrl(baseUri)
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
