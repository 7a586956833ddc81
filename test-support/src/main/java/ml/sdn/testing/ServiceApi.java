package ml.sdn.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Real HTTP calls to a service under test on a loopback port, through its whole filter chain. Every call
 * takes the path, the bearer token (or {@code null} for none) and optional header name/value pairs.
 */
public final class ServiceApi {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public ServiceApi(int port) {
        this.port = port;
    }

    /** What came back: the status, every header, and the body as bytes (a PNG stays intact). */
    public record Response(int status, HttpHeaders headers, byte[] bytes) {

        /** The Content-Type header, or "" without one. */
        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The first value of a header, or {@code null} without one. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The body as text, in the charset of its Content-Type (UTF-8 when it names none). */
        public String body() {
            return new String(bytes, charset());
        }

        public JsonNode json() {
            return JSON.readTree(body());
        }

        private Charset charset() {
            for (String parameter : contentType().split(";")) {
                String[] pair = parameter.trim().split("=", 2);
                if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                    try {
                        return Charset.forName(pair[1].trim().replace("\"", ""));
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
            return StandardCharsets.UTF_8;
        }
    }

    public Response get(String path, String token, String... headers) {
        return send(request(path, token, headers).GET());
    }

    public Response put(String path, String token, String json, String... headers) {
        return send(request(path, token, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST without a body. */
    public Response post(String path, String token, String... headers) {
        return send(request(path, token, headers).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A POST with a JSON body. */
    public Response postJson(String path, String token, String json, String... headers) {
        return send(request(path, token, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String token, String... headers) {
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
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
