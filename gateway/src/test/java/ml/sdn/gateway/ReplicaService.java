package ml.sdn.gateway;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ml.sdn.shutdown.PausedConnectorRefusals;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One instance of a service as the platform runs it: a real embedded Tomcat on loopback, on a port of its own
 * that it keeps across restarts. It answers its readiness probe ({@code /actuator/health/readiness}: 200, or 503
 * when told it is not ready), any other GET with 200, and a write with 200 after noting its
 * {@code Idempotency-Key} (or 503 when told to refuse writes; 400 when its body is empty).
 * {@link #shutDownGracefully()} does what Spring Boot's graceful shutdown does to Tomcat: pauses the connector (a
 * request arriving on a kept-alive connection gets 503, also when the pause catches it just after its request line,
 * thanks to {@link PausedConnectorRefusals} as in a service), closes the listening socket (new connections are
 * refused), lets the requests in flight finish, then stops.
 */
final class ReplicaService implements AutoCloseable {

    static final String READINESS = "/actuator/health/readiness";

    private final String name;
    private final int port;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong refusedWrites = new AtomicLong();
    private final Queue<String> writeKeys = new ConcurrentLinkedQueue<>();
    private volatile boolean ready = true;
    private volatile boolean refusingWrites;
    private Tomcat tomcat;
    private Connector connector;

    ReplicaService(String name) {
        this.name = name;
        this.port = freePort();
        start();
    }

    synchronized void start() {
        tomcat = new Tomcat();
        try {
            tomcat.setBaseDir(Files.createTempDirectory("replica-" + name).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "replica", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                inFlight.incrementAndGet();
                try {
                    answer(request, response);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        context.addServletMappingDecoded("/*", "replica");
        tomcat.getEngine().getPipeline().addValve(new PausedConnectorRefusals()); // as in a service (shutdown-handover)
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (READINESS.equals(request.getRequestURI())) {
            response.setStatus(ready ? 200 : 503);
            return;
        }
        if ("GET".equals(request.getMethod())) {
            reads.incrementAndGet();
        } else {
            if (request.getInputStream().readAllBytes().length == 0) {
                response.setStatus(400); // every write of the tests has a body: it must arrive whole, also on a second try
                return;
            }
            if (refusingWrites) {
                refusedWrites.incrementAndGet();
                response.setStatus(503);
                return;
            }
            String key = request.getHeader("Idempotency-Key");
            writeKeys.add(key == null ? "" : key);
        }
        response.setContentType("application/json");
        response.getWriter().write("{\"instance\":\"" + name + "\"}");
    }

    /** Spring Boot's graceful shutdown of Tomcat (GracefulShutdown), then the stop. */
    synchronized void shutDownGracefully() {
        connector.pause();
        connector.getProtocolHandler().closeServerSocketGraceful();
        while (inFlight.get() > 0) {
            Thread.onSpinWait();
        }
        close();
    }

    String uri() {
        return "http://127.0.0.1:" + port;
    }

    long reads() {
        return reads.get();
    }

    /** The Idempotency-Key of each write it answered 200 ("" for none), in order. */
    List<String> writeKeys() {
        return List.copyOf(writeKeys);
    }

    long refusedWrites() {
        return refusedWrites.get();
    }

    void ready(boolean ready) {
        this.ready = ready;
    }

    void refuseWrites(boolean refuse) {
        this.refusingWrites = refuse;
    }

    @Override
    public synchronized void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
