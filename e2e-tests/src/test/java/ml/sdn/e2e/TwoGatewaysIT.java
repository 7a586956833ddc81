package ml.sdn.e2e;

import ml.sdn.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances, as behind a load balancer without sticky sessions: a browser signed in
 * through one is signed in on the other (the session, its tokens and its CSRF token come from the
 * shared store), and signing out on either signs it out of both.
 */
@ExtendWith(RunningPlatform.class)
class TwoGatewaysIT {

    /** A demo user whose data no other test reads: this test changes it. */
    private static final String USER = "coordinator-ml";

    private final LocalStack stack;
    private final Platform platform;
    private final HttpBrowser browser = new HttpBrowser();

    TwoGatewaysIT(LocalStack stack, Platform platform) {
        this.stack = stack;
        this.platform = platform;
    }

    @Test
    void a_browser_signed_in_through_one_gateway_uses_and_ends_its_session_through_another() throws Exception {
        int port = freePort();
        String first = platform.gateway("");
        String second = first.replaceFirst(":\\d+$", ":" + port);

        try (AutoCloseable ignored = stack.startAnotherGateway(port, Duration.ofMinutes(3))) {
            browser.signIn(first, platform.issuerUri(), USER);

            Platform.Response me = browser.get(second + "/api/registrations/whoami");
            assertThat(me.status()).as(me.body()).isEqualTo(200);
            assertThat(me.json().get("username").asString()).isEqualTo(USER);

            // a write from the cookie session: the CSRF token the first instance gave is good on the second
            Platform.Response write = browser.send(HttpRequest.newBuilder(URI.create(second + "/api/notifications/me/read-all"))
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(write.status()).as(write.body()).isEqualTo(200);

            Platform.Response logout = browser.send(HttpRequest.newBuilder(URI.create(second + "/logout"))
                    .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("")));
            assertThat(logout.status()).isEqualTo(302);
            assertThat(logout.header("Location")).startsWith(platform.issuerUri() + "/protocol/openid-connect/logout");

            Platform.Response afterOnFirst = browser.get(first + "/api/registrations/whoami");
            assertThat(afterOnFirst.status()).isEqualTo(401);
            assertThat(afterOnFirst.contentType()).startsWith("application/problem+json");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
