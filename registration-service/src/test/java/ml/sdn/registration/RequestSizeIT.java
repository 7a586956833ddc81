package ml.sdn.registration;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's body limit (256 KB by default) as a client trying to make the service swallow more sees it. */
class RequestSizeIT extends ServiceIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String ME = "/api/registrations/participants/me";

    @Test
    void a_body_declared_larger_than_the_limit_is_refused_with_a_413_problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofString(oversizedProfile()));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void a_chunked_body_is_cut_off_at_the_limit_with_a_413_problem() throws Exception {
        byte[] body = oversizedProfile().getBytes(StandardCharsets.UTF_8);
        // a stream publisher has no length: the body goes chunked, without Content-Length
        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void a_body_under_the_limit_goes_through() throws Exception {
        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                "{\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}".getBytes(StandardCharsets.UTF_8))));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        String user = "big-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ME))
                .header("Authorization", "Bearer " + ISSUER.token(user, "ML", "participant"))
                .header("Content-Type", "application/json")
                .PUT(body).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String oversizedProfile() {
        return "{\"consent\":{\"accepted\":true,\"version\":\"2026-01\"},\"city\":\"" + "x".repeat(300 * 1024) + "\"}";
    }
}
