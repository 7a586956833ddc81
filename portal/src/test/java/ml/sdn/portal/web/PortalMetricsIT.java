package ml.sdn.portal.web;

import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Prometheus reads from the portal's own port, without a token, like the services (docs/decisions/0017):
 * its request timers, the JVM, every series tagged with the portal's name; nothing else of the actuator.
 * The gateway never routes {@code /actuator/**} (GatewayIT keeps_its_metrics_off_the_public_port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalMetricsIT {

    private static final TestIssuer ISSUER = TestIssuer.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        ISSUER.register(registry);
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
    }

    @Test
    void the_pages_request_timers_and_the_jvm_are_scraped_without_a_token() {
        ServiceApi portal = new ServiceApi(port);
        portal.get("/lang?lang=en", null, "Accept", "text/html");

        ServiceApi.Response scraped = portal.get("/actuator/prometheus", null);

        assertThat(scraped.status()).as(scraped.body()).isEqualTo(200);
        assertThat(scraped.body())
                .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/lang\"")
                .containsPattern("(?m)^http_server_requests_seconds_sum\\{[^}]*uri=\"/lang\"")
                .contains("jvm_memory_used_bytes", "jvm_threads_live_threads")
                .contains("application=\"portal\"");
    }

    @Test
    void other_management_endpoints_and_other_methods_stay_closed() {
        ServiceApi portal = new ServiceApi(port);
        for (String path : new String[]{"/actuator/env", "/actuator/metrics", "/actuator/heapdump", "/actuator/loggers"}) {
            assertThat(portal.get(path, null).status()).as(path).isIn(401, 404);
            assertThat(portal.get(path, ISSUER.token("organizer-bf", "BF", "organizer")).status()).as(path).isIn(403, 404);
        }
        assertThat(portal.post("/actuator/prometheus", null).status()).isIn(401, 403, 405);
    }
}
