package ml.sdn.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP service on loopback standing in for a platform service: it echoes what reached it (method,
 * path, the Authorization and traceparent headers, the body size) as JSON. A slow one holds every answer
 * until it is closed; an echo holds the answers that ask for it ({@code ?hold=<ms>}).
 */
final class DownstreamService implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Queue<String> paths = new ConcurrentLinkedQueue<>();

    private DownstreamService(Duration holdAnswersUpTo) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> answer(exchange, holdAnswersUpTo));
        server.start();
    }

    static DownstreamService echo() {
        return new DownstreamService(Duration.ZERO);
    }

    /** Answers only when closed (or after {@code holdUpTo}), well after any gateway timeout of the test. */
    static DownstreamService slow(Duration holdUpTo) {
        return new DownstreamService(holdUpTo);
    }

    /** A loopback URI where nothing listens: connections are refused. */
    static String closedPortUri() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, Duration hold) throws IOException {
        try (exchange) {
            paths.add(exchange.getRequestURI().getRawPath());
            Duration held = hold.isZero() ? askedHold(exchange) : hold;
            if (!held.isZero()) {
                release.await(held.toMillis(), TimeUnit.MILLISECONDS);
            }
            long bodySize = exchange.getRequestBody().readAllBytes().length;
            String json = """
                    {"method":"%s","path":"%s","authorization":"%s","traceparent":"%s","cookie":"%s","csrf":"%s","lang":"%s","bodySize":%d}"""
                    .formatted(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                            header(exchange, "Authorization"), header(exchange, "traceparent"), header(exchange, "Cookie"),
                            header(exchange, "X-Sdn-Csrf-Token"), header(exchange, "X-Sdn-Lang"), bodySize);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code ?hold=<ms>}: the request asks to be answered that late (a slow page or call, one request at a time). */
    private static Duration askedHold(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("hold=")) {
                    return Duration.ofMillis(Long.parseLong(parameter.substring("hold=".length())));
                }
            }
        }
        return Duration.ZERO;
    }

    /** How many requests for {@code path} reached this service. */
    long requestCount(String path) {
        return paths.stream().filter(path::equals).count();
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value.replace("\"", "");
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
