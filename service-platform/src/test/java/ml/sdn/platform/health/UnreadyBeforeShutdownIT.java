package ml.sdn.platform.health;

import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service told to stop (SIGTERM closes its context) first answers its readiness probe with 503 while it still
 * serves requests, for {@code sdn.shutdown.unready-delay}: the gateway's instance checks take it out of rotation
 * before its web server stops taking requests. A small Boot application with the platform, on a real store.
 */
class UnreadyBeforeShutdownIT {

    private final EmbeddedMongo store = EmbeddedMongo.start();
    private final TestIssuer issuer = TestIssuer.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class StoppingApplication {
    }

    @AfterEach
    void close() {
        issuer.close();
        store.close();
    }

    @Test
    void readiness_goes_down_while_requests_are_still_served_then_the_service_stops() {
        ConfigurableApplicationContext context = start("stopping", "3s");
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        assertThat(status(base + "/actuator/health/readiness")).isEqualTo(200);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(context::close);

        await().atMost(Duration.ofSeconds(5)).until(() -> status(base + "/actuator/health/readiness") == 503);
        assertThat(status(base + "/actuator/health/liveness")).as("a request while not ready any more").isEqualTo(200);
        assertThat(stopping).as("still serving").isNotDone();
        stopping.join();
        assertThat(context.isActive()).isFalse();
    }

    /**
     * Spring's test framework pauses a cached context between test classes and restarts it for the next one that
     * uses it: no shutdown, so readiness stays up; and a context stopped and started again serves again, and says so.
     */
    @Test
    void a_paused_context_stays_ready_and_a_context_started_again_is_ready_again() {
        ConfigurableApplicationContext context = start("pausing", "0s");
        try {
            ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);

            context.pause();
            context.restart();
            assertThat(availability.getReadinessState()).as("after a pause").isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);

            context.stop();
            assertThat(availability.getReadinessState()).as("stopped").isEqualTo(ReadinessState.REFUSING_TRAFFIC);
            context.start();
            assertThat(availability.getReadinessState()).as("started again").isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        } finally {
            context.close();
        }
    }

    /** The small application on the test's store and issuer, readiness being its own state only (no broker here). */
    private ConfigurableApplicationContext start(String name, String unreadyDelay) {
        return new SpringApplicationBuilder(StoppingApplication.class).run(
                "--server.port=0", "--spring.application.name=" + name + "-probe", "--sdn.service.api-prefix=/api/probe",
                "--spring.mongodb.uri=" + store.uri(), "--spring.mongodb.database=sdn_" + name + "_probe",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUri(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwkSetUri(),
                "--management.endpoint.health.group.readiness.include=readinessState",
                "--sdn.shutdown.unready-delay=" + unreadyDelay);
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
