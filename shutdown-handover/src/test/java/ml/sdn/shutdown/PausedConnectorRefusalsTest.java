package ml.sdn.shutdown;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.Http11NioProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Tomcat whose connector pauses at the worst moment for the next request on a kept-alive connection: after
 * Tomcat read its request line (what Boot's graceful shutdown does to a request that arrives just then; a race that
 * cannot be timed from outside, so the protocol below says "paused" from that point on).
 */
class PausedConnectorRefusalsTest {

    private static final String POST = "POST /things HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 5\r\n\r\nhello";

    @TempDir
    Path baseDir;

    private final AtomicInteger served = new AtomicInteger();
    private Tomcat tomcat;

    @AfterEach
    void stop() throws LifecycleException {
        PausingAfterRequestLine.armed.set(-1);
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void a_request_caught_by_the_pause_after_its_request_line_gets_503_and_never_reaches_the_application() throws Exception {
        Connector connector = start(true);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), connector.getLocalPort())) {
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200");

            PausingAfterRequestLine.armed.set(0);
            String refused = exchange(socket);

            assertThat(refused).startsWith("HTTP/1.1 503").contains("Content-Type: application/problem+json")
                    .contains("\"status\":503").contains("réessayez");
            assertThat(served).hasValue(1);
        }
    }

    /** Why the valve exists: alone, Tomcat refuses the same request for a Host header it never read. */
    @Test
    void without_it_tomcat_answers_400() throws Exception {
        Connector connector = start(false);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), connector.getLocalPort())) {
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200");

            PausingAfterRequestLine.armed.set(0);

            assertThat(exchange(socket)).startsWith("HTTP/1.1 400");
            assertThat(served).hasValue(1);
        }
    }

    @Test
    void requests_refused_while_the_connector_runs_keep_their_own_status() throws Exception {
        Connector connector = start(true);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), connector.getLocalPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /things HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)); // no Host header
            out.flush();

            assertThat(read(socket.getInputStream())).startsWith("HTTP/1.1 400");
        }
    }

    private Connector start(boolean withValve) throws LifecycleException {
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector(PausingAfterRequestLine.class.getName());
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "things", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                request.getInputStream().readAllBytes();
                served.incrementAndGet();
                response.getWriter().write("ok");
            }
        });
        context.addServletMappingDecoded("/*", "things");
        if (withValve) {
            tomcat.getEngine().getPipeline().addValve(new PausedConnectorRefusals());
        }
        tomcat.start();
        return connector;
    }

    private static String exchange(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(POST.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return read(socket.getInputStream());
    }

    /** One response: its head, then as many body bytes as its Content-Length says. */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.UTF_8);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /**
     * Tomcat's HTTP/1.1 protocol, told to pause once armed: the processor asks "paused?" before it reads a request
     * (answered no) and again right after the request line (answered yes, as when the pause comes just then).
     */
    public static class PausingAfterRequestLine extends Http11NioProtocol {

        static final AtomicInteger armed = new AtomicInteger(-1);

        @Override
        public boolean isPaused() {
            int asked = armed.get();
            if (asked < 0) {
                return super.isPaused();
            }
            armed.incrementAndGet();
            return asked >= 1;
        }
    }
}
