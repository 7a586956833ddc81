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

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak is not running (nothing listens on its port): the gateway must start and say so politely. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeycloakDownIT {

    static final String KEYCLOAK = DownstreamService.closedPortUri() + "/realms/sdn";
    static final TestIssuer someIssuer = TestIssuer.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SessionStore.register(registry);
        registry.add("KEYCLOAK_ISSUER_URI", () -> KEYCLOAK);
        registry.add("KEYCLOAK_JWK_SET_URI", () -> KEYCLOAK + "/protocol/openid-connect/certs");
    }

    @AfterAll
    static void stopIssuer() {
        someIssuer.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void starts_and_reports_live_and_ready_without_keycloak() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void answers_a_bearer_call_it_cannot_check_with_a_503_problem() {
        client.get().uri("/api/registrations/whoami")
                .headers(h -> h.setBearerAuth(someIssuer.token("participant-ml", "ML", "participant")))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Sign-in is temporarily unavailable, please retry later.");
    }

    @Test
    void still_sends_browsers_to_the_keycloak_login_page() {
        var first = client.get().uri("/session").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound().expectBody().returnResult();
        URI start = first.getResponseHeaders().getLocation();

        var second = client.get().uri(start.getPath()).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound().expectBody().returnResult();
        assertThat(second.getResponseHeaders().getLocation().toString())
                .startsWith(KEYCLOAK + "/protocol/openid-connect/auth?");
    }
}
