package ml.sdn.gateway;

import ml.sdn.testing.OtlpReceiver;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a collector configured (the OTLP endpoint and a share of requests to record), the gateway exports the span
 * of a routed request over OTLP/HTTP, under the trace id the caller sees in {@code X-Trace-Id} and the service
 * receives, marked sampled, in {@code traceparent}: the service's own spans join that trace. Without a collector the
 * gateway records nothing ({@link GatewayIT} sees the flag unsampled).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TraceExportIT {

    static final TestIssuer issuer = TestIssuer.start();
    static final DownstreamService echo = DownstreamService.echo();
    static final OtlpReceiver collector = OtlpReceiver.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RoutedTo.register(registry, issuer, echo::uri);
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", collector::tracesEndpoint);
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
        registry.add("TRACING_SAMPLING_PROBABILITY", () -> "1.0");
    }

    @AfterAll
    static void stopServers() {
        collector.close();
        echo.close();
        issuer.close();
    }

    @LocalServerPort
    int port;

    @Test
    void a_routed_request_is_exported_under_the_trace_id_the_caller_and_the_service_see() {
        var result = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/api/registrations/whoami")
                .headers(h -> h.setBearerAuth(issuer.token("participant-ne", "NE", "participant")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();

        String traceId = result.getResponseHeaders().getFirst("X-Trace-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(new String(result.getResponseBodyContent()))
                .as("the service is told the trace is recorded")
                .containsPattern("\"traceparent\":\"00-" + traceId + "-[0-9a-f]{16}-01\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> collector.received(traceId));
        assertThat(collector.contentTypes()).allMatch(type -> type.startsWith("application/x-protobuf"));
    }
}
