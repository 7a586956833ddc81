package ml.sdn.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * Sends {@code method target HTTP/1.0} exactly as written, through a plain socket (an HTTP client would
     * refuse or normalise a malformed target), and reads the whole answer.
     */
    public Response raw(String method, String target) {
        return raw(method, target, Map.of(), null);
    }

    /** Like {@link #raw(String, String)}, with these headers and this body (its Content-Length is added). */
    public Response raw(String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            // HTTP/1.0: the answer comes whole until the connection closes, never in chunks
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                socket.getOutputStream().write(body);
            }
            byte[] answer = socket.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end < 0 ? text.length() : end).split("\r\n");
            Map<String, List<String>> answerHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    answerHeaders.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                            .add(lines[i].substring(colon + 1).trim());
                }
            }
            byte[] answerBody = end < 0 ? new byte[0] : Arrays.copyOfRange(answer, end + 4, answer.length);
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), HttpHeaders.of(answerHeaders, (name, value) -> true),
                    answerBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
