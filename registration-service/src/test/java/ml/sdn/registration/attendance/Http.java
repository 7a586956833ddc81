package ml.sdn.registration.attendance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Real HTTP calls to one instance of the service, like test-support's ServiceApi, with what attendance
 * needs besides: POST with a body, DELETE, and binary bodies (the badge PNG).
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    Http(int port) {
        this.port = port;
    }

    record Response(int status, String contentType, byte[] bytes, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body());
        }
    }

    Response get(String path, String token, String... headers) {
        return send(request(path, token, headers).GET());
    }

    Response put(String path, String token, String json, String... headers) {
        return send(request(path, token, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response post(String path, String token, String... headers) {
        return send(request(path, token, headers).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response postJson(String path, String token, String json, String... headers) {
        return send(request(path, token, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String path, String token, String... headers) {
        return send(request(path, token, headers).DELETE());
    }

    private HttpRequest.Builder request(String path, String token, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
