package ml.sdn.gateway;

import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gateway told to stop (SIGTERM closes its context) first answers its readiness probe with 503 for
 * {@code sdn.shutdown.unready-delay} while it still routes requests, as the services do: a balancer checking the
 * gateways sends it nothing new before it stops listening. Then Netty's graceful shutdown, and connections are
 * refused. A gateway of its own (this test closes it), in front of a stand-in service.
 */
class UnreadyBeforeShutdownIT {

    static final TestIssuer issuer = TestIssuer.start();
    static final DownstreamService echo = DownstreamService.echo();

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stopServers() {
        echo.close();
        issuer.close();
    }

    @Test
    void readiness_goes_down_while_requests_are_still_routed_then_the_gateway_stops_listening() {
        // arguments, not default properties: the build's own sdn.shutdown.unready-delay (0s, a system property) would win
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--sdn.shutdown.unready-delay=3s"));
        RoutedTo.register((name, value) -> arguments.add("--" + name + "=" + value.get()), issuer, echo::uri);
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .run(arguments.toArray(String[]::new));
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) gateway).getWebServer().getPort();
        String token = issuer.token("participant-ne", "NE", "participant");
        assertThat(status(base + "/actuator/health/readiness", null)).isEqualTo(200);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(gateway::close);

        await().atMost(Duration.ofSeconds(5)).until(() -> status(base + "/actuator/health/readiness", null) == 503);
        assertThat(status(base + "/api/registrations/whoami", token)).as("a routed request while not ready any more")
                .isEqualTo(200);
        assertThat(stopping).as("still serving").isNotDone();
        stopping.join();
        assertThat(gateway.isActive()).isFalse();
        assertThat(status(base + "/actuator/health/readiness", null)).as("stopped: the connection is refused").isEqualTo(-1);
    }

    /** The status of a GET, or -1 when the connection is refused. */
    private int status(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException refused) {
            return -1;
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
