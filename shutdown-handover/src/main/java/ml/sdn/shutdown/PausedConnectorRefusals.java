package ml.sdn.shutdown;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.AbstractProtocol;

import java.io.IOException;

/**
 * A request Tomcat refuses because its connector is pausing (Boot's graceful shutdown) is answered 503, as Tomcat
 * means to, never 400.
 *
 * <p>Tomcat 11 answers a request on a kept-alive connection with 503 when the pause comes after it read the request
 * line: it then skips the headers, and its next check refuses the request for lacking a {@code Host} header, so 400
 * goes out instead (reproduced in {@code PausedConnectorRefusalsTest}). A balancer sends a read or a keyed write once
 * more to another instance after a 503, never after a 400: one request in a few hundred during a redeploy reached a
 * person as a 400 (gateway ReplicasIT, CI of 4b6a1c7). First valve of the engine: a request that reaches it with an
 * error status already set was refused by the connector, and the servlet never sees it.
 */
public class PausedConnectorRefusals extends ValveBase {

    public PausedConnectorRefusals() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (response.getStatus() >= 400 && pausing(request)) {
            response.setStatus(503);
            response.setHeader("Connection", "close");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            // no headers were read (no Accept-Language): both languages
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"Ce service s'arrête : réessayez dans un instant. This service is stopping: try again in a moment.\"}");
            return;
        }
        getNext().invoke(request, response);
    }

    private static boolean pausing(Request request) {
        return request.getConnector().getProtocolHandler() instanceof AbstractProtocol<?> protocol && protocol.isPaused();
    }
}
