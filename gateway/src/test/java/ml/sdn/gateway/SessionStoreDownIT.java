package ml.sdn.gateway;

import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/**
 * The browser sessions' store is away (nothing listens on its port): a signed-in browser's pages get a
 * 503 problem within seconds instead of hanging on the driver's server selection; bearer API calls,
 * which never use a session, still pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionStoreDownIT {

    static final TestIssuer issuer = TestIssuer.start();
    static final DownstreamService registration = DownstreamService.echo();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        issuer.register(registry);
        registry.add("spring.mongodb.uri", () -> DownstreamService.closedPortUri().replace("http://", "mongodb://"));
        registry.add("REGISTRATION_SERVICE_URI", registration::uri);
    }

    @AfterAll
    static void stop() {
        issuer.close();
        registration.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        // below the driver's default 30 s server selection: a hang fails the test
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    @Test
    void a_signed_in_browser_gets_a_503_problem_not_a_hang() {
        client.get().uri("/me/profile").accept(MediaType.TEXT_HTML).cookie("SESSION", "a-session-of-earlier").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Sign-in is temporarily unavailable, please retry later.");
    }

    @Test
    void a_new_visitor_is_still_sent_to_sign_in() {
        client.get().uri("/me/profile").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().location("/oauth2/authorization/keycloak");
    }

    @Test
    void a_bearer_api_call_does_not_need_the_store() {
        client.get().uri("/api/registrations/whoami")
                .headers(h -> h.setBearerAuth(issuer.token("participant-ml", "ML", "participant")))
                .exchange()
                .expectStatus().isOk();
    }
}
