package ml.sdn.testing;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What service-platform gives every service, checked against each running service: token checks,
 * roles, country, problem details, probes, OpenAPI. A service's integration test implements this
 * interface on its Spring Boot test class and says where its API lives.
 */
public interface PlatformContract {

    /** The service on its random port. */
    ServiceApi api();

    /** The issuer the service under test trusts. */
    TestIssuer issuer();

    /** The service's API prefix, e.g. {@code /api/registrations}. */
    String apiPrefix();

    /** A path the service's OpenAPI document must describe. */
    default String documentedPath() {
        return apiPrefix() + "/whoami";
    }

    /**
     * The service's POST endpoints that create things and accept an {@code Idempotency-Key} (marked
     * {@code @AcceptsIdempotencyKey}), with how to prepare a caller for each; none by default.
     */
    default List<CreatingEndpoint> creatingEndpoints() {
        return List.of();
    }

    /** {@link IdempotencyChecks} on each of {@link #creatingEndpoints()}. */
    @TestFactory
    default Stream<DynamicTest> creating_endpoints_are_safe_to_retry_with_an_idempotency_key() {
        return creatingEndpoints().stream().flatMap(endpoint -> IdempotencyChecks.of(api(), endpoint).stream());
    }

    /** Every operation the OpenAPI document says accepts the header is checked above, and only those. */
    @Test
    default void the_endpoints_documented_with_an_idempotency_key_are_the_ones_checked() {
        JsonNode paths = api().get(apiPrefix() + "/openapi", null).json().get("paths");
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if ("header".equals(parameter.path("in").asString(""))
                            && IdempotencyChecks.HEADER.equals(parameter.path("name").asString(""))) {
                        documented.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                    }
                }
            }
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                creatingEndpoints().stream().map(CreatingEndpoint::operation).toList());
    }

    @Test
    default void whoami_echoes_the_callers_id_roles_and_country() {
        ServiceApi.Response response = api().get(apiPrefix() + "/whoami", issuer().token("participant-ne", "NE", "participant"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("id").asString()).isEqualTo(TestIssuer.subjectOf("participant-ne"));
        assertThat(body.get("username").asString()).isEqualTo("participant-ne");
        assertThat(body.get("country").asString()).isEqualTo("NE");
        assertThat((Iterable<JsonNode>) body.get("roles")).extracting(JsonNode::asString).containsExactly("participant");
    }

    static Stream<Arguments> rejectedTokens() {
        return Stream.of(
                Arguments.of("no token", (Function<TestIssuer, String>) issuer -> null),
                Arguments.of("expired", (Function<TestIssuer, String>) issuer -> issuer.expiredToken("participant-ml", "ML", "participant")),
                Arguments.of("other issuer", (Function<TestIssuer, String>) issuer -> issuer.tokenFromOtherIssuer("participant-ml", "ML", "participant")),
                Arguments.of("other signing key", (Function<TestIssuer, String>) issuer -> issuer.tokenSignedByOtherKey("participant-ml", "ML", "participant")),
                Arguments.of("alg none", (Function<TestIssuer, String>) issuer -> issuer.unsignedToken("participant-ml", "ML", "participant")),
                Arguments.of("other audience", (Function<TestIssuer, String>) issuer -> issuer.tokenForOtherAudience("participant-ml", "ML", "participant")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ml.sdn.testing.PlatformContract#rejectedTokens")
    default void rejects_a_request_without_a_valid_token_with_a_401_problem(String label, Function<TestIssuer, String> token) {
        ServiceApi.Response response = api().get(apiPrefix() + "/whoami", token.apply(issuer()));

        assertThat(response.status()).as(label).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"%C0%AE%C0%AE", "%FF%FE", "%ZZ", "%2e%2e%5c%2e%2e", "a%00b", "..", "1;DROP"})
    default void answers_an_address_it_cannot_read_with_a_problem_not_an_html_page(String id) {
        ServiceApi.Response response = api().raw("GET", apiPrefix() + "/whoami/" + id);

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(response.status());
    }

    /**
     * Every documented route, with malformed ids, query values, bodies, content types and methods
     * ({@link MalformedRequests}), from a caller with every role: never a 5xx, a refusal is always a problem,
     * no answer takes 10 s, and the service is still ready afterwards.
     */
    @Test
    default void answers_malformed_requests_on_every_route_with_problems_never_5xx_nor_a_hang() {
        JsonNode document = api().get(apiPrefix() + "/openapi", null).json();
        String token = issuer().token("careless-client", "ML", "participant", "jury", "coach", "coordinator", "organizer");
        List<MalformedRequests.Request> requests = MalformedRequests.of(document, token);
        List<String> wrong = new ArrayList<>();
        for (MalformedRequests.Request request : requests) {
            try {
                ServiceApi.Response response = api().raw(request.method(), request.target(), request.headers(), request.body());
                if (response.status() >= 500
                        || response.status() >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    wrong.add(response.status() + " " + response.contentType() + " for " + request);
                }
            } catch (UncheckedIOException noAnswer) {
                wrong.add("no answer (" + noAnswer.getCause() + ") for " + request);
            }
        }

        assertThat(requests).as("requests made from the document").hasSizeGreaterThan(20);
        assertThat(wrong).isEmpty();
        assertThat(api().get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    @Test
    default void the_401_problem_speaks_french_by_default_and_english_on_request() {
        assertThat(api().get(apiPrefix() + "/whoami", null).json().get("detail").asString())
                .isEqualTo("Un jeton d'accès valide est requis.");
        assertThat(api().get(apiPrefix() + "/whoami", null, "Accept-Language", "en").json().get("detail").asString())
                .isEqualTo("A valid access token is required.");
    }

    @Test
    default void a_participant_cannot_see_dead_letters() {
        ServiceApi.Response response = api().get(apiPrefix() + "/admin/dead-letters", issuer().token("participant-bf", "BF", "participant"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(403);
    }

    @Test
    default void an_organizer_sees_the_dead_letters() {
        ServiceApi.Response response = api().get(apiPrefix() + "/admin/dead-letters", issuer().token("organizer-ml", "ML", "organizer"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("items").isArray()).isTrue();
    }

    @Test
    default void a_dead_letter_page_size_out_of_range_is_a_400_problem_naming_the_parameter() {
        ServiceApi.Response response = api().get(apiPrefix() + "/admin/dead-letters?size=0", issuer().token("organizer-ml", "ML", "organizer"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("size");
    }

    @Test
    default void readiness_is_up_with_the_database_and_the_broker() {
        ServiceApi.Response response = api().get("/actuator/health/readiness", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(body.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
    }

    @Test
    default void liveness_is_up_without_a_token() {
        assertThat(api().get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    default void serves_its_openapi_document_without_a_token() {
        ServiceApi.Response response = api().get(apiPrefix() + "/openapi", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("openapi").asString()).startsWith("3.");
        assertThat(body.get("paths").has(documentedPath())).isTrue();
        // who calls comes from the token: no operation may ask for it as a parameter
        assertThat(body.get("paths").findValues("parameters").stream()
                .flatMap(parameters -> parameters.valueStream())
                .map(parameter -> parameter.path("name").asString(""))).doesNotContain("caller");
    }
}
