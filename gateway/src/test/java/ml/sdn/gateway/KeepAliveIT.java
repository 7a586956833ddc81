package ml.sdn.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsers keep their connection to the gateway open and send the next request as soon as the previous
 * answer has arrived. The gateway answers some requests from another thread than the connection's (a new
 * session is created off the event loop), so the next request can arrive before the server has finished
 * with the previous one. Reactor Netty 1.3.6 buffered such a request and then stopped reading the
 * connection (reactor-netty#4361): the following request hung until the client gave up, which showed as
 * rare 8–30 s hangs of the sign-in callback in CI. Here, sign-ins follow each other over one connection;
 * before the fix one of the first few dozen hung.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeepAliveIT {

    static final int SIGN_INS = 150;

    static final TestRealmServer keycloak = new TestRealmServer();
    static final DownstreamService registration = DownstreamService.echo();
    static final ConnectionProvider oneConnection = ConnectionProvider.create("keep-alive-it", 1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SessionStore.register(registry);
        registry.add("KEYCLOAK_ISSUER_URI", keycloak::issuer);
        registry.add("KEYCLOAK_JWK_SET_URI", () -> keycloak.issuer() + "/protocol/openid-connect/certs");
        registry.add("GATEWAY_CLIENT_SECRET", () -> TestRealmServer.CLIENT_SECRET);
        registry.add("REGISTRATION_SERVICE_URI", registration::uri);
        registry.add("PORTAL_URI", registration::uri);
        // every sign-in's first requests are anonymous and counted per address: room for all of them
        registry.add("GATEWAY_RATE_LIMIT_CAPACITY", () -> String.valueOf(SIGN_INS * 4));
    }

    @AfterAll
    static void stop() {
        oneConnection.dispose();
        registration.close();
        keycloak.close();
    }

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void client() {
        // one pooled connection, as a browser's to one site: every request reuses it;
        // the response timeout only tells a hang from an answer (each answer takes milliseconds)
        browser = new Browser(WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(oneConnection)))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10)).build(), port);
    }

    @Test
    void sign_ins_one_after_another_over_one_kept_alive_connection_all_complete() {
        for (int i = 0; i < SIGN_INS; i++) {
            browser.cookies().clear();

            var callback = browser.signIn(keycloak, "participant-ml", "ML", List.of("participant"));

            assertThat(callback.getStatus().value()).as("sign-in %d", i).isEqualTo(302);
            browser.client().get().uri("/api/registrations/whoami").cookies(browser::sendCookies)
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.authorization").isEqualTo("Bearer " + keycloak.accessTokenOf("participant-ml"));
        }
    }
}
