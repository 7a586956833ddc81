package ml.sdn.gateway;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real embedded Tomcat on loopback, as every platform service runs, answering {@code {"ok":true}} to any
 * GET, with the connector's keep-alive limits set by the test: after {@code maxKeepAliveRequests}
 * requests, or {@code keepAliveTimeout} ms without one, Tomcat closes the connection.
 */
final class TomcatService implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();
    private final Connector connector = new Connector("HTTP/1.1");
    private final AtomicLong requests = new AtomicLong();

    TomcatService(int maxKeepAliveRequests, int keepAliveTimeoutMillis) {
        try {
            tomcat.setBaseDir(Files.createTempDirectory("tomcat-service").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxKeepAliveRequests", Integer.toString(maxKeepAliveRequests));
        connector.setProperty("keepAliveTimeout", Integer.toString(keepAliveTimeoutMillis));
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "ok", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                requests.incrementAndGet();
                response.setContentType("application/json");
                response.getWriter().write("{\"ok\":true}");
            }
        });
        context.addServletMappingDecoded("/*", "ok");
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }
}
