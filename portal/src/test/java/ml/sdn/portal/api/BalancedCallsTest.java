package ml.sdn.portal.api;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The portal's clients balance each service's calls over its instances and try a call a second time only where that
 * cannot do harm: against real HTTP servers on loopback standing in for two instances of registration-service.
 */
class BalancedCallsTest {

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void calls_go_to_every_instance_in_turn() {
        Instance a = instance(200);
        Instance b = instance(200);
        ServiceApis.Apis apis = apis(a.uri(), b.uri());

        for (int i = 0; i < 6; i++) {
            apis.registration().get().uri("/api/registrations/whoami").retrieve().toBodilessEntity();
        }

        assertThat(a.calls()).isEqualTo(3);
        assertThat(b.calls()).isEqualTo(3);
    }

    @Test
    void a_refused_connection_is_tried_on_the_other_instance_whatever_the_method() {
        Instance up = instance(200);
        ServiceApis.Apis apis = apis(closedPort(), up.uri());

        for (int i = 0; i < 4; i++) {
            apis.registration().get().uri("/api/registrations/whoami").retrieve().toBodilessEntity();
            apis.registration().put().uri("/api/registrations/participants/me").body(Map.of("a", 1)).retrieve().toBodilessEntity();
        }

        assertThat(up.calls()).isEqualTo(8);
    }

    @Test
    void a_503_is_tried_on_the_other_instance_for_reads_and_keyed_writes_only() {
        Instance stopping = instance(503);
        Instance up = instance(200);
        ServiceApis.Apis apis = apis(stopping.uri(), up.uri());

        // the first call of each kind goes to the stopping instance first (in turn), which is then out
        apis.registration().get().uri("/api/registrations/whoami").retrieve().toBodilessEntity();
        assertThat(stopping.calls()).isEqualTo(1);
        assertThat(up.calls()).isEqualTo(1);

        ServiceApis.Apis again = apis(stopping.uri(), up.uri());
        again.registration().post().uri("/api/registrations/attendance/days/2040-01-02/registrations")
                .header(BalancedCalls.IDEMPOTENCY_KEY, "k-1").body(Map.of()).retrieve().toBodilessEntity();
        assertThat(stopping.calls()).isEqualTo(2);
        assertThat(up.calls()).isEqualTo(2);

        ServiceApis.Apis unkeyed = apis(stopping.uri(), up.uri());
        assertThatThrownBy(() -> unkeyed.registration().put().uri("/api/registrations/participants/me").body(Map.of())
                .retrieve().toBodilessEntity())
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.status()).isEqualTo(503));
        assertThat(stopping.calls()).as("an unkeyed write that reached an instance is not sent again").isEqualTo(3);
        assertThat(up.calls()).isEqualTo(2);
    }

    @Test
    void an_instance_failing_its_readiness_probe_gets_no_calls_until_it_passes_again() {
        Instance a = instance(200);
        Instance b = instance(200);
        ServiceApis.Apis apis = apis(a.uri(), b.uri());

        b.ready(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            int before = b.calls();
            for (int i = 0; i < 4; i++) {
                apis.registration().get().uri("/api/registrations/whoami").retrieve().toBodilessEntity();
            }
            return b.calls() == before;
        });
        b.ready(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            int before = b.calls();
            apis.registration().get().uri("/api/registrations/whoami").retrieve().toBodilessEntity();
            apis.registration().get().uri("/api/registrations/whoami").retrieve().toBodilessEntity();
            return b.calls() > before;
        });
    }

    /** The portal's clients with registration-service at {@code uris}, its instances checked every 100 ms. */
    private ServiceApis.Apis apis(URI... uris) {
        URI other = URI.create("http://127.0.0.1:9");
        CalledServices called = new CalledServices(Map.of(
                "registration", new CalledServices.Service(List.of(uris)),
                "competition", new CalledServices.Service(List.of(other)),
                "incubation", new CalledServices.Service(List.of(other)),
                "notification", new CalledServices.Service(List.of(other))),
                new CalledServices.InstanceChecks(Duration.ofMillis(100), Duration.ofSeconds(1), null), null);
        ServiceApis config = new ServiceApis();
        ServiceInstances instances = config.serviceInstances(called);
        opened.add(instances);
        return config.apis(called, instances, JsonMapper.builder().build());
    }

    private Instance instance(int status) {
        Instance instance = new Instance(status);
        opened.add(instance);
        return instance;
    }

    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One instance of a service: answers its API calls with {@code status}, its readiness probe 200 or 503. */
    private static final class Instance implements AutoCloseable {

        private final HttpServer server;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile boolean ready = true;

        Instance(int status) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/actuator/health/readiness", exchange -> {
                try (exchange) {
                    exchange.sendResponseHeaders(ready ? 200 : 503, -1);
                }
            });
            server.createContext("/api/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    calls.incrementAndGet();
                    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        int calls() {
            return calls.get();
        }

        void ready(boolean ready) {
            this.ready = ready;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
