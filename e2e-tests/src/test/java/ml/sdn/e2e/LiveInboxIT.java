package ml.sdn.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live inbox through the gateway: a stream that outlives the gateway's response timeout (10 s)
 * and its circuit breakers' time limit stays open, kept alive by the service's heartbeats.
 */
@ExtendWith(RunningPlatform.class)
class LiveInboxIT {

    private final Platform platform;

    LiveInboxIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void the_inbox_stream_stays_open_through_the_gateway_longer_than_its_timeouts() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gateway("/api/notifications/me/stream")))
                .header("Authorization", "Bearer " + platform.tokenOf("participant-bf"))
                .header("Accept", "text/event-stream")
                .GET().build();

        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new ArrayList<>();
        Instant until = Instant.now().plusSeconds(14);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while (Instant.now().isBefore(until) && (line = reader.readLine()) != null) {
                lines.add(line);
            }
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        // still open after 14 s: the last line came after the gateway's 10 s and 11 s limits
        assertThat(Instant.now()).isAfterOrEqualTo(until);
        assertThat(lines.stream().filter(l -> l.startsWith(":keep-alive")).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_stream_needs_a_token() {
        Platform.Response response = platform.get(platform.gateway("/api/notifications/me/stream"), null);

        assertThat(response.status()).isEqualTo(401);
    }
}
