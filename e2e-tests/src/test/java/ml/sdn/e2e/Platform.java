package ml.sdn.e2e;

import jakarta.mail.internet.MimeMessage;
import ml.sdn.localstack.LocalStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the end-to-end tests see of the running platform: its URLs, tokens and plain HTTP. The platform
 * is the local stack ({@link RunningPlatform}) or the images in containers ({@code ml.sdn.e2e.containers}).
 */
public final class Platform {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where a running platform is reached from the tests; {@code mails} is what its SMTP sink received. */
    public record Endpoints(String gatewayUrl, String keycloakUrl, String issuerUri, Supplier<MimeMessage[]> mails) {

        String tokenEndpoint() {
            return keycloakUrl + "/realms/sdn/protocol/openid-connect/token";
        }
    }

    private final Endpoints endpoints;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Platform(LocalStack stack) {
        this(new Endpoints(stack.gatewayUrl(), stack.keycloakUrl(), stack.issuerUri(), stack::receivedMails));
    }

    public Platform(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    public String gateway(String path) {
        return endpoints.gatewayUrl() + path;
    }

    public String keycloak(String path) {
        return endpoints.keycloakUrl() + path;
    }

    public String issuerUri() {
        return endpoints.issuerUri();
    }

    public MimeMessage[] receivedMails() {
        return endpoints.mails().get();
    }

    /**
     * The demo users' credential as identity/realm-sdn.json stores it: the password {@code demo} as a hash, because
     * Keycloak checks a plain password against the realm's policy (ten characters at least) in an import and in the
     * admin API, and refuses {@code demo}. For users a test creates through the admin API with that same password.
     */
    public static String demoPasswordCredential() {
        Path realm = Path.of(System.getProperty("sdn.repo-root", "..")).resolve("identity/realm-sdn.json");
        try {
            return JSON.readTree(Files.readString(realm)).get("users").get(0).get("credentials").get(0).toString();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A demo user's access token, from Keycloak's token endpoint (client {@code sdn-cli}, password grant). */
    public String tokenOf(String username) {
        return tokenResponse(username, "demo").get("access_token").asString();
    }

    /**
     * A password grant. Keycloak 26 with brute-force protection (the realm's) refuses a sign-in of a user while an
     * earlier one of the same user is still completing ({@code user_temporarily_disabled}, a 401 here): a test
     * polls a user's sign-in no faster than once a second and reuses the token it got.
     */
    public JsonNode tokenResponse(String username, String password) {
        Response response = postForm(endpoints.tokenEndpoint(), Map.of(
                "grant_type", "password", "client_id", "sdn-cli",
                "username", username, "password", password, "scope", "openid"), null);
        if (response.status() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + response.status() + " " + response.body());
        }
        return response.json();
    }

    /**
     * A refresh grant: a new token with the user's claims as they are now, without signing in again (so without
     * meeting brute-force protection, which counts sign-ins).
     */
    public JsonNode refreshed(String refreshToken) {
        Response response = postForm(endpoints.tokenEndpoint(), Map.of(
                "grant_type", "refresh_token", "client_id", "sdn-cli", "refresh_token", refreshToken), null);
        if (response.status() != 200) {
            throw new IllegalStateException("no refreshed token: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    /** The claims of a JWT, read without checking it (the tests check what the platform does with it). */
    public static JsonNode claimsOf(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    public Response get(String url, String bearer) {
        return send(request(url, bearer).GET().build());
    }

    public Response putJson(String url, String bearer, String json) {
        return send(request(url, bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response postJson(String url, String bearer, String json) {
        return send(request(url, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response postForm(String url, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(url, bearer).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response send(HttpRequest request) {
        return send(http, request);
    }

    static Response send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String url, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json, application/problem+json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
