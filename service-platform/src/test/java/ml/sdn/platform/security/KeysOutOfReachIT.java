package ml.sdn.platform.security;

import com.sun.net.httpserver.HttpServer;
import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity provider's signing keys, as a service fetches them (at its first bearer request, again every 5
 * minutes), from a key server that this test makes fail or answer slowly. A platform probe application, called over
 * HTTP with real tokens.
 */
@SpringBootTest(classes = KeysOutOfReachIT.ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=keys-probe", "sdn.service.api-prefix=/api/probe",
                "spring.mongodb.database=sdn_keys_probe"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeysOutOfReachIT {

    private static final EmbeddedMongo MONGO = EmbeddedMongo.start();
    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final KeyServer KEYS = new KeyServer();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        MONGO.register(registry);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuerUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", KEYS::uri);
    }

    @AfterAll
    static void stop() {
        KEYS.server.stop(0);
        ISSUER.close();
        MONGO.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ProbeController.class)
    static class ProbeApplication {
    }

    @RestController
    static class ProbeController {

        @GetMapping("/api/probe/me")
        String me(Caller caller) {
            return caller.id();
        }
    }

    @Test
    @Order(1)
    void a_token_that_cannot_be_checked_for_want_of_the_keys_gets_503_and_retry_after_never_500() {
        KEYS.mode = Mode.FAILING;

        ServiceApi.Response answer = new ServiceApi(port).get("/api/probe/me", ISSUER.token("alice", "ML", "participant"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        assertThat(answer.json().get("detail").asString()).contains("réessayez");
        assertThat(KEYS.asked).hasPositiveValue();
    }

    /** Slower than Nimbus's 500 ms, which Spring uses unless told otherwise: that answered 500. */
    @Test
    @Order(2)
    void keys_handed_over_slowly_still_let_the_token_through() {
        KEYS.mode = Mode.SLOW;

        ServiceApi.Response answer = new ServiceApi(port).get("/api/probe/me", ISSUER.token("alice", "ML", "participant"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(TestIssuer.subjectOf("alice"));
    }

    enum Mode { FAILING, SLOW }

    /** Hands over the test issuer's keys: with 500 when failing, after 1.5 s when slow. */
    static final class KeyServer {

        final HttpServer server;
        final AtomicInteger asked = new AtomicInteger();
        volatile Mode mode = Mode.FAILING;

        KeyServer() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/certs", exchange -> {
                asked.incrementAndGet();
                byte[] body;
                int status;
                if (mode == Mode.FAILING) {
                    status = 500;
                    body = "{}".getBytes(StandardCharsets.UTF_8);
                } else {
                    sleep(1_500);
                    status = 200;
                    body = issuerKeys().getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
        }

        private static String issuerKeys() {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ISSUER.jwkSetUri())).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
