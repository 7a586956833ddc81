package ml.sdn.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where a collector would listen: an HTTP endpoint on loopback taking OTLP trace exports
 * ({@code POST /v1/traces}, protobuf) the way an OpenTelemetry collector does, answering 200. It keeps each
 * request's body so that a test can ask whether a trace left the process: an OTLP span carries its trace id as its
 * 16 raw bytes, found in the body without decoding the rest.
 */
public final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    private OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the OTLP receiver", e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
                exports.add(exchange.getRequestBody().readAllBytes());
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    public static OtlpReceiver start() {
        return new OtlpReceiver();
    }

    /** The value for {@code management.opentelemetry.tracing.export.otlp.endpoint}. */
    public String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** Whether a span of this trace (32 hex digits, as in {@code traceparent}) was exported. */
    public boolean received(String traceId) {
        byte[] id = HexFormat.of().parseHex(traceId);
        return exports.stream().anyMatch(body -> contains(body, id));
    }

    public List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
