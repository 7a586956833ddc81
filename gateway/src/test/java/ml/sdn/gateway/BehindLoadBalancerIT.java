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
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway behind a load balancer that sets X-Forwarded-* (nginx in docker-compose.yml, with
 * {@code GATEWAY_FORWARD_HEADERS_STRATEGY=native}): the sign-in goes to Keycloak and back to the address the browser
 * used, not the gateway's own, and people without credentials are counted by their own address, not the balancer's.
 * GatewayIT checks that without the setting such headers are not believed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BehindLoadBalancerIT {

    static final TestIssuer issuer = TestIssuer.start();
    static final DownstreamService echo = DownstreamService.echo();
    static final int RATE_LIMIT = 5;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SessionStore.register(registry);
        issuer.register(registry);
        registry.add("REGISTRATION_SERVICE_URI", echo::uri);
        registry.add("PORTAL_URI", echo::uri);
        registry.add("GATEWAY_FORWARD_HEADERS_STRATEGY", () -> "native");
        registry.add("GATEWAY_RATE_LIMIT_CAPACITY", () -> RATE_LIMIT);
        registry.add("GATEWAY_RATE_LIMIT_REFILL_PERIOD", () -> "1h");
    }

    @AfterAll
    static void stopServers() {
        echo.close();
        issuer.close();
    }

    @LocalServerPort
    int port;

    WebTestClient balancer;

    @BeforeEach
    void client() {
        // every request comes from the balancer's one address (here 127.0.0.1), with the browser's in its headers
        balancer = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void signs_in_through_keycloak_and_back_to_the_address_the_browser_used() {
        var first = balancer.get().uri("/session").accept(MediaType.TEXT_HTML)
                .header("X-Forwarded-Host", "sdn.example.org").header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.10")
                .exchange().expectStatus().isFound().expectBody().returnResult();
        URI start = first.getResponseHeaders().getLocation();
        assertThat(start).hasPath("/oauth2/authorization/keycloak");
        assertThat(start.getHost()).as("the browser's host, if absolute: %s", start).isIn(null, "sdn.example.org");

        var second = balancer.get().uri(start.getPath()).accept(MediaType.TEXT_HTML)
                .header("X-Forwarded-Host", "sdn.example.org").header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.10")
                .cookies(cookies -> first.getResponseCookies().forEach((name, values) -> cookies.add(name, values.get(0).getValue())))
                .exchange().expectStatus().isFound().expectBody().returnResult();
        URI login = second.getResponseHeaders().getLocation();
        assertThat(login.toString()).startsWith(issuer.issuerUri() + "/protocol/openid-connect/auth?");
        String redirect = UriComponentsBuilder.fromUri(login).build().getQueryParams().getFirst("redirect_uri");
        assertThat(URLDecoder.decode(redirect, StandardCharsets.UTF_8)).isEqualTo("https://sdn.example.org/login/oauth2/code/keycloak");
    }

    @Test
    void counts_requests_without_credentials_by_the_client_address_the_balancer_gives() {
        IntStream.range(0, RATE_LIMIT).forEach(i -> balancer.get().uri("/api/registrations/me").header("X-Forwarded-For", "198.51.100.7")
                .exchange().expectStatus().isUnauthorized());
        balancer.get().uri("/api/registrations/me").header("X-Forwarded-For", "198.51.100.7")
                .exchange().expectStatus().isEqualTo(429);

        // another person behind the same balancer keeps their own allowance
        balancer.get().uri("/api/registrations/me").header("X-Forwarded-For", "198.51.100.8")
                .exchange().expectStatus().isUnauthorized();
    }
}
