package ml.sdn.gateway;

import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a real port, in front of real HTTP services on loopback, checking real signed tokens
 * from a real (test) issuer. Registration and notification echo; competition is down (closed port);
 * incubation is slow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

    static final TestIssuer issuer = TestIssuer.start();
    static final DownstreamService echo = DownstreamService.echo();
    static final DownstreamService slow = DownstreamService.slow(Duration.ofSeconds(5));
    static final String ALLOWED_ORIGIN = "https://app.sdn.example";
    static final int RATE_LIMIT = 20;
    static final int FAILED_TOKENS = 10;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RoutedTo.register(registry, issuer, echo::uri, Map.of(
                "COMPETITION_SERVICE_URI", DownstreamService::closedPortUri,
                "INCUBATION_SERVICE_URI", slow::uri));
        registry.add("GATEWAY_RESPONSE_TIMEOUT", () -> "500ms");
        registry.add("GATEWAY_PORTAL_RESPONSE_TIMEOUT_MS", () -> "5000");
        registry.add("GATEWAY_MAX_REQUEST_SIZE", () -> "1KB");
        registry.add("GATEWAY_RATE_LIMIT_CAPACITY", () -> RATE_LIMIT);
        registry.add("GATEWAY_RATE_LIMIT_REFILL_PERIOD", () -> "1h");
        registry.add("GATEWAY_FAILED_TOKEN_CAPACITY", () -> FAILED_TOKENS);
        registry.add("CORS_ALLOWED_ORIGINS", () -> ALLOWED_ORIGIN + ", http://localhost:8080");
    }

    @AfterAll
    static void stopServers() {
        slow.close();
        echo.close();
        issuer.close();
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    /** Compose's DNS answers live 600 s; Reactor Netty would keep a recreated replica's old address that long. */
    @Test
    void looks_service_names_up_again_within_seconds(@Autowired reactor.netty.http.client.HttpClient routes) {
        assertThat(routes.configuration().getNameResolverProvider()).isNotNull()
                .satisfies(lookups -> {
                    assertThat(lookups.cacheMaxTimeToLive()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(lookups.cacheNegativeTimeToLive()).isEqualTo(Duration.ZERO);
                });
    }

    @Test
    void routes_a_valid_bearer_request_with_its_token_and_trace_context() {
        String token = issuer.token("participant-ne", "NE", "participant");

        var result = client.get().uri("/api/registrations/whoami?x=1")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.method").isEqualTo("GET")
                .jsonPath("$.path").isEqualTo("/api/registrations/whoami")
                .jsonPath("$.authorization").isEqualTo("Bearer " + token)
                .returnResult();

        String traceId = result.getResponseHeaders().getFirst("X-Trace-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");
        // no collector configured: the trace id travels, nothing is recorded (TraceExportIT: with one)
        assertThat(new String(result.getResponseBodyContent()))
                .containsPattern("\"traceparent\":\"00-" + traceId + "-[0-9a-f]{16}-00\"");
    }

    @Test
    void routes_by_prefix_with_the_path_unchanged_and_keeps_cookies_at_the_gateway() {
        String token = issuer.token("organizer-ml", "ML", "organizer");

        client.post().uri("/api/notifications/inbox/42/read")
                .headers(h -> h.setBearerAuth(token))
                .cookie("SESSION", "gateway-only")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.path").isEqualTo("/api/notifications/inbox/42/read")
                .jsonPath("$.cookie").isEqualTo("");
    }

    static Stream<String> rejectedTokens() {
        return Stream.of(
                issuer.expiredToken("participant-ml", "ML", "participant"),
                issuer.tokenFromOtherIssuer("participant-ml", "ML", "participant"),
                issuer.tokenSignedByOtherKey("participant-ml", "ML", "participant"),
                issuer.tokenForOtherAudience("participant-ml", "ML", "participant"),
                issuer.unsignedToken("participant-ml", "ML", "participant"),
                "not-a-jwt");
    }

    @ParameterizedTest
    @MethodSource("rejectedTokens")
    void rejects_an_invalid_bearer_token_with_a_401_problem(String token) {
        client.get().uri("/api/registrations/whoami")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Trace-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/api/registrations/whoami");
    }

    @Test
    void answers_an_api_call_without_token_with_a_401_problem_not_a_redirect() {
        client.get().uri("/api/competitions/editions")
                .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void answers_a_service_that_is_down_with_a_fast_503_problem() {
        String token = issuer.token("jury-bf", "BF", "jury");

        for (int call = 0; call < 3; call++) {
            Instant start = Instant.now();
            client.get().uri("/api/competitions/editions")
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("competition service is unavailable"));
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void answers_a_slow_service_with_a_504_problem_after_the_response_timeout() {
        String token = issuer.token("coach-ml", "ML", "coach");

        Instant start = Instant.now();
        client.get().uri("/api/incubation/cohorts")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("incubation service did not answer in time"));
        Duration took = Duration.between(start, Instant.now());
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofSeconds(3));
    }

    /**
     * A portal page may make several calls to the services, each allowed as long as the gateway allows one call:
     * the portal route waits longer, so that a slow page ends as the portal's own answer, not a 504 (CI, starved:
     * 'The portal service did not answer in time' while the portal was still building the page).
     */
    @Test
    void waits_longer_for_a_portal_page_than_for_a_service_call() {
        String token = issuer.token("participant-ne-slow", "NE", "participant");

        clientFrom("127.0.0.10").get().uri("/programme?hold=1500") // its own address, as other anonymous checks
                .exchange()
                .expectStatus().isOk();
        client.get().uri("/api/registrations/whoami?hold=1500")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isEqualTo(504);
    }

    @Test
    void limits_each_client_and_answers_429_with_retry_after() {
        String greedy = issuer.token("participant-bf", "BF", "participant");
        String other = issuer.token("participant-ml-2", "ML", "participant");

        IntStream.range(0, RATE_LIMIT).forEach(i -> client.get().uri("/api/registrations/me")
                .headers(h -> h.setBearerAuth(greedy))
                .exchange()
                .expectStatus().isOk());

        client.get().uri("/api/registrations/me")
                .headers(h -> h.setBearerAuth(greedy))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter)).isPositive())
                .expectBody().jsonPath("$.status").isEqualTo(429);

        // another client keeps its own bucket
        client.get().uri("/api/registrations/me")
                .headers(h -> h.setBearerAuth(other))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void answers_a_flood_of_refused_tokens_from_one_address_with_429_before_checking_them() {
        WebTestClient attacker = clientFrom("127.0.0.5");
        IntStream.range(0, FAILED_TOKENS).forEach(i -> attacker.get().uri("/api/registrations/whoami")
                .headers(h -> h.setBearerAuth("forged-" + i))
                .exchange()
                .expectStatus().isUnauthorized());

        attacker.get().uri("/api/registrations/whoami")
                .headers(h -> h.setBearerAuth("forged-again"))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter)).isPositive());
        // the address's bearer requests wait; another address does not
        String valid = issuer.token("participant-ne-5", "NE", "participant");
        attacker.get().uri("/api/registrations/whoami").headers(h -> h.setBearerAuth(valid))
                .exchange().expectStatus().isEqualTo(429);
        clientFrom("127.0.0.6").get().uri("/api/registrations/whoami").headers(h -> h.setBearerAuth(valid))
                .exchange().expectStatus().isOk();
    }

    @Test
    void answers_one_refused_token_sent_again_and_again_with_429_from_any_address() {
        String forged = issuer.tokenSignedByOtherKey("participant-ml", "ML", "participant");
        for (int i = 0; i < FAILED_TOKENS; i++) {
            // spread over addresses, none of which reaches its own limit
            clientFrom("127.0.1." + (10 + i)).get().uri("/api/registrations/whoami").headers(h -> h.setBearerAuth(forged))
                    .exchange().expectStatus().isUnauthorized();
        }

        clientFrom("127.0.1.99").get().uri("/api/registrations/whoami").headers(h -> h.setBearerAuth(forged))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        clientFrom("127.0.1.99").get().uri("/api/registrations/whoami")
                .headers(h -> h.setBearerAuth(issuer.token("participant-ml-99", "ML", "participant")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void limits_requests_without_credentials_per_address_before_security_with_a_429_problem() {
        WebTestClient flooder = clientFrom("127.0.0.2");

        IntStream.range(0, RATE_LIMIT).forEach(i -> flooder.get().uri("/api/registrations/me")
                .exchange()
                .expectStatus().isUnauthorized());

        flooder.get().uri("/api/registrations/me")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter)).isPositive())
                .expectBody().jsonPath("$.status").isEqualTo(429);
        // neither a login redirect nor the start of a sign-in (both would store a new session)
        for (String page : new String[] {"/", "/oauth2/authorization/keycloak"}) {
            flooder.get().uri(page).accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        }

        // another address keeps its own bucket, and a signed-in caller from the same address its own
        clientFrom("127.0.0.3").get().uri("/api/registrations/me")
                .exchange()
                .expectStatus().isUnauthorized();
        flooder.get().uri("/api/registrations/me")
                .headers(h -> h.setBearerAuth(issuer.token("participant-bf-2", "BF", "participant")))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void answers_an_anonymous_api_request_without_creating_a_session() {
        for (MediaType accept : new MediaType[] {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML}) {
            var result = client.get().uri("/api/registrations/whoami")
                    .accept(accept)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().returnResult();
            assertThat(result.getResponseCookies()).as("cookies of an anonymous API call accepting " + accept)
                    .doesNotContainKey("SESSION");
        }
    }

    @Test
    void refuses_a_body_over_the_size_limit_with_a_413_problem() {
        String token = issuer.token("participant-ne-2", "NE", "participant");

        client.post().uri("/api/registrations/participants")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[2048])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);

        client.post().uri("/api/registrations/participants")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[512])
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodySize").isEqualTo(512);
    }

    @Test
    void refuses_a_chunked_body_that_grows_over_the_size_limit_with_a_413_problem() {
        String token = issuer.token("participant-ne-3", "NE", "participant");
        Flux<DataBuffer> chunks = Flux.range(0, 4).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[512]));

        client.post().uri("/api/registrations/participants")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answers_an_unknown_path_with_a_404_problem() {
        client.get().uri("/api/nothing-here/at-all")
                .headers(h -> h.setBearerAuth(issuer.token("organizer-ne", "NE", "organizer")))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/registrations/participants/..
            GET    | /api/registrations/participants/%00
            GET    | /api/registrations/participants/a%00b
            GET    | /api/registrations/participants/1;DROP
            GET    | /api/registrations/participants/%2e%2e%5c%2e%2e
            GET    | /api/registrations/participants/%ZZ
            GET    | /api/registrations/participants/%C0%AE%C0%AE
            GET    | /api/registrations/participants/%FF%FE
            TRACE  | /api/registrations/participants/me
            """)
    void refuses_a_malformed_address_or_method_with_a_problem_not_an_empty_body(String method, String rawPath) throws Exception {
        RawResponse response = raw(method + " " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).as(response.text()).isBetween(400, 499);
        assertThat(response.header("content-type")).as(response.text()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + response.status());
        if (!rawPath.contains("%ZZ")) { // not decodable: refused before any span starts
            assertThat(response.body()).contains("\"traceId\"");
        }
    }

    @Test
    void answers_a_write_to_an_undecodable_address_with_a_problem_after_its_body_not_a_reset() throws Exception {
        // the headers, then the body in a second write, as an HTTP client sends a PUT: answered before the body was
        // read, the connection closed with the body arriving, and the client met a reset instead of the answer
        RawResponse response = raw("PUT /api/registrations/attendance/days/%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n", "{}");

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.header("content-type")).as(response.text()).startsWith("application/problem+json");
        assertThat(response.body()).contains("cannot be decoded");
    }

    @Test
    void passes_a_long_search_on_instead_of_refusing_it_with_an_empty_414() throws Exception {
        // every filter 2,000 characters long, as the platform contract's sample sends it: Netty's 4 KB request
        // line refused it with an empty 414; now it reaches the gateway's own checks (here: no credentials, 401)
        String longSearch = "/api/registrations/participants?q=" + "x".repeat(2000) + "&country=" + "x".repeat(2000)
                + "&sector=" + "x".repeat(2000);
        RawResponse response = raw("GET " + longSearch + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).as(response.text()).isEqualTo(401);
        assertThat(response.header("content-type")).as(response.text()).startsWith("application/problem+json");
    }

    @Test
    void forwards_an_http_1_0_write_with_an_empty_body_and_answers_it() throws Exception {
        String token = issuer.token("participant-ml-10", "ML", "participant");

        RawResponse response = raw("PUT /api/registrations/participants/me HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body()).contains("\"method\":\"PUT\"").contains("\"bodySize\":0");
    }

    @Test
    void answers_a_content_type_it_cannot_read_with_a_415_problem() throws Exception {
        String token = issuer.token("participant-ml-11", "ML", "participant");

        // a body the refusal does not need: left unread, the connection's close was a reset that could take
        // the answer with it (the client saw "connection reset")
        String body = "{\"city\":\"" + "x".repeat(40_000) + "\"}";
        RawResponse response = raw("PUT /api/registrations/participants/me HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json; charset=klingon\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);

        assertThat(response.status()).as(response.text()).isEqualTo(415);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("charset=klingon");
    }

    @Test
    void sets_the_security_headers_on_routed_responses() {
        client.get().uri("/api/registrations/whoami")
                .headers(h -> h.setBearerAuth(issuer.token("coordinator-bf", "BF", "coordinator")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").contains("frame-ancestors 'none'"))
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Test
    void accepts_a_cors_preflight_from_an_allowed_origin() {
        client.options().uri("/api/registrations/participants")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"));
    }

    @Test
    void lets_a_page_of_an_allowed_origin_retry_a_creating_post_with_an_idempotency_key() {
        client.options().uri("/api/registrations/organizations")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase()).contains("idempotency-key"));
    }

    @Test
    void refuses_a_cors_request_from_another_origin_with_a_403_problem() {
        client.options().uri("/api/registrations/participants")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        client.get().uri("/api/registrations/whoami")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .headers(h -> h.setBearerAuth(issuer.token("participant-ml-3", "ML", "participant")))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void is_the_edge_by_default_and_believes_no_caller_s_forwarded_headers_for_its_sign_in_redirect() {
        // BehindLoadBalancerIT: believed only with GATEWAY_FORWARD_HEADERS_STRATEGY set (behind nginx in compose)
        // its own address: the anonymous allowance of 127.0.0.1, which other checks use, stays whole
        var first = clientFrom("127.0.0.9").get().uri("/oauth2/authorization/keycloak").accept(MediaType.TEXT_HTML)
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .exchange().expectStatus().isFound().expectBody().returnResult();
        var query = UriComponentsBuilder.fromUri(first.getResponseHeaders().getLocation()).build().getQueryParams();
        assertThat(URLDecoder.decode(query.getFirst("redirect_uri"), StandardCharsets.UTF_8))
                .isEqualTo("http://127.0.0.1:" + port + "/login/oauth2/code/keycloak");
    }

    @Test
    void sends_a_page_request_without_session_to_the_keycloak_login_with_pkce() {
        var first = client.get().uri("/session")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isFound()
                .expectBody().returnResult();
        URI start = first.getResponseHeaders().getLocation();
        assertThat(start).hasPath("/oauth2/authorization/keycloak");

        var second = client.get().uri(start.getPath())
                .accept(MediaType.TEXT_HTML)
                .cookies(cookies -> copyCookies(first, cookies))
                .exchange()
                .expectStatus().isFound()
                .expectBody().returnResult();
        URI login = second.getResponseHeaders().getLocation();
        var query = UriComponentsBuilder.fromUri(login).build().getQueryParams();
        assertThat(login.toString()).startsWith(issuer.issuerUri() + "/protocol/openid-connect/auth?");
        assertThat(query.getFirst("client_id")).isEqualTo("sdn-gateway");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("scope")).contains("openid").contains("profile").contains("email");
        assertThat(URLDecoder.decode(query.getFirst("redirect_uri"), StandardCharsets.UTF_8)).endsWith("/login/oauth2/code/keycloak");
    }

    @Test
    void sends_a_visitor_at_an_unknown_page_address_to_the_portal_and_at_a_signed_in_page_to_sign_in() {
        // the portal answers "page not found" (with its header): the visitor is not sent to sign in for nothing
        clientFrom("127.0.0.7").get().uri("/nope-xyz").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.path").isEqualTo("/nope-xyz")
                .jsonPath("$.authorization").isEqualTo("");
        for (String signedIn : new String[] {"/me/profile", "/organizer/editions", "/jury", "/coach", "/coordinator",
                "/invitations/accept", "/session"}) {
            clientFrom("127.0.0.7").get().uri(signedIn).accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectStatus().isFound()
                    .expectHeader().location("/oauth2/authorization/keycloak");
        }
        // not a page visit (no HTML asked for): still the 401 problem
        clientFrom("127.0.0.7").get().uri("/nope-xyz").accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void answers_a_write_without_any_credentials_with_a_401_problem_not_a_csrf_refusal(String method) {
        // from an address of its own: anonymous requests count against the address's small bucket here
        clientFrom("127.0.0.4").method(HttpMethod.valueOf(method)).uri("/api/registrations/participants/me")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("Sign in"));
    }

    @Test
    void refuses_a_cookie_session_post_without_csrf_token_with_a_403_problem() {
        var page = client.get().uri("/session").accept(MediaType.TEXT_HTML).exchange().expectBody().returnResult();
        ResponseCookie session = page.getResponseCookies().getFirst("SESSION");
        ResponseCookie xsrf = page.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(session).as("session cookie").isNotNull();
        assertThat(xsrf).as("CSRF cookie readable by pages").isNotNull();
        assertThat(xsrf.isHttpOnly()).isFalse();

        client.post().uri("/api/registrations/participants")
                .cookie(session.getName(), session.getValue())
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Missing or invalid CSRF token.");

        // with the token echoed back, CSRF passes and the (unauthenticated) call meets the 401 instead
        client.post().uri("/api/registrations/participants")
                .cookie(session.getName(), session.getValue())
                .cookie(xsrf.getName(), xsrf.getValue())
                .header("X-XSRF-TOKEN", xsrf.getValue())
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void shows_a_signed_in_user_their_name_country_and_roles_on_the_session_page() {
        client.get().uri("/session")
                .accept(MediaType.TEXT_HTML)
                .headers(h -> h.setBearerAuth(issuer.token("coordinator-ne", "NE", "coordinator", "participant")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<strong>coordinator-ne</strong>")
                        .contains("pays : NE")
                        .contains("coordinator, participant")
                        .contains("action=\"/logout\""));
    }

    @Test
    void exposes_only_the_health_probes_of_the_actuator() {
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk();
        client.get().uri("/actuator/env")
                .headers(h -> h.setBearerAuth(issuer.token("organizer-bf", "BF", "organizer")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void keeps_its_metrics_off_the_public_port() {
        WebTestClient anonymous = clientFrom("127.0.0.8"); // its own address: the anonymous allowance of the others stays
        for (String path : new String[]{"/actuator/prometheus", "/actuator/metrics", "/actuator/health"}) {
            anonymous.get().uri(path).exchange()
                    .expectStatus().value(status -> assertThat(status).as(path).isIn(401, 403, 404));
            client.get().uri(path)
                    .headers(h -> h.setBearerAuth(issuer.token("organizer-bf-metrics", "BF", "organizer")))
                    .exchange()
                    .expectStatus().value(status -> assertThat(status).as(path).isIn(403, 404));
        }
        assertThat(echo.requestCount("/actuator/prometheus")).isZero();
    }

    @Test
    void serves_its_metrics_and_probes_on_the_management_port() {
        assertThat(managementPort).isNotEqualTo(port);
        // from its own address: requests without credentials are counted per address there too
        HttpClient scraper = HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0.0.9", 0));
        WebTestClient management = WebTestClient.bindToServer(new ReactorClientHttpConnector(scraper))
                .baseUrl("http://127.0.0.1:" + managementPort).responseTimeout(Duration.ofSeconds(10)).build();
        client.get().uri("/api/registrations/echo") // a routed request, so that its route's series exist
                .headers(h -> h.setBearerAuth(issuer.token("participant-ml-metrics", "ML", "participant")))
                .exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text)
                        .contains("jvm_memory_used_bytes")
                        .contains("application=\"gateway\"")
                        .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*uri=")
                        .containsPattern("(?m)^spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"registration\""));
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/env").exchange().expectStatus().value(status -> assertThat(status).isIn(401, 403));
        // the routes are not reachable through the management port
        for (String path : new String[]{"/api/registrations/echo", "/", "/fallback/registration"}) {
            management.get().uri(path)
                    .headers(h -> h.setBearerAuth(issuer.token("participant-ml-metrics", "ML", "participant")))
                    .exchange().expectStatus().isForbidden();
        }
        management.post().uri("/actuator/prometheus").exchange().expectStatus().value(status -> assertThat(status).isIn(401, 403, 405));
        assertThat(echo.requestCount("/actuator/env")).isZero();
    }

    @Test
    void does_not_expose_the_circuit_breaker_fallback_directly() {
        client.get().uri("/fallback/registration")
                .headers(h -> h.setBearerAuth(issuer.token("organizer-ml-2", "ML", "organizer")))
                .exchange()
                .expectStatus().isForbidden();
    }

    /** A client whose connections come from another loopback address, i.e. another client to the gateway. */
    record RawResponse(int status, Map<String, String> headers, String body, String text) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** Sends the request exactly as written (no client normalises or refuses its address) and reads the whole answer. */
    private RawResponse raw(String request) throws IOException {
        return raw(request, null);
    }

    /** The request's head, then (when given) its body in a second write without delay, as HTTP clients send writes. */
    private RawResponse raw(String head, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            if (body != null) {
                socket.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            }
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String[] headAndBody = text.split("\r\n\r\n", 2);
            String[] lines = headAndBody[0].split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    headAndBody.length > 1 ? headAndBody[1] : "", text);
        }
    }

    private WebTestClient clientFrom(String localAddress) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(localAddress, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http)).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    private static void copyCookies(EntityExchangeResult<?> from, MultiValueMap<String, String> to) {
        from.getResponseCookies().forEach((name, cookies) -> to.add(name, cookies.get(0).getValue()));
    }
}
