package ml.sdn.platform.tracing;

import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.OtlpReceiver;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service records a request's span when its caller (the gateway) says the trace is recorded, whatever its own
 * share of requests to record (0 by default), and exports it over OTLP to the configured collector under the
 * caller's trace id: one trace from the gateway through the service. A trace the caller does not record is not
 * exported. A small Boot application with the platform, on a real store.
 */
class TraceExportIT {

    private final EmbeddedMongo store = EmbeddedMongo.start();
    private final TestIssuer issuer = TestIssuer.start();
    private final OtlpReceiver collector = OtlpReceiver.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TracedApplication {
    }

    @AfterEach
    void close() {
        collector.close();
        issuer.close();
        store.close();
    }

    @Test
    void the_callers_recorded_trace_is_exported_and_an_unrecorded_one_is_not() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TracedApplication.class).run(
                "--server.port=0", "--spring.application.name=traced-probe", "--sdn.service.api-prefix=/api/probe",
                "--spring.mongodb.uri=" + store.uri(), "--spring.mongodb.database=sdn_traced_probe",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuerUri(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwkSetUri(),
                "--management.endpoint.health.group.readiness.include=readinessState",
                "--sdn.shutdown.unready-delay=0s",
                "--management.opentelemetry.tracing.export.otlp.endpoint=" + collector.tracesEndpoint(),
                "--management.opentelemetry.tracing.export.schedule-delay=100ms")) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            String recorded = traceId();
            String unrecorded = traceId();

            assertThat(status(base + "/api/probe/anything", recorded, "01")).isEqualTo(401);
            assertThat(status(base + "/api/probe/anything", unrecorded, "00")).isEqualTo(401);

            await().atMost(Duration.ofSeconds(10)).until(() -> collector.received(recorded));
            assertThat(collector.received(unrecorded)).isFalse();
        }
    }

    private static String traceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private int status(String url, String traceId, String flags) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-" + flags).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
