package ml.sdn.gateway.security;

import org.springframework.core.env.Environment;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/**
 * Matches the requests that arrived on the actuator's own port (management.server.port), never those of the
 * public port, even if both were configured alike. The ports are read from what the servers actually bound
 * (random in tests), once they have started, and kept then: looking them up in the environment on every request
 * was 2 % of the gateway's CPU under load.
 */
final class ManagementPort implements ServerWebExchangeMatcher {

    private final Environment environment;
    /** The management port once both servers have bound, -1 when it is the public port (or there is none). */
    private volatile int bound;
    private volatile boolean known;

    ManagementPort(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        int management = managementPort();
        return local != null && management >= 0 && local.getPort() == management ? MatchResult.match() : MatchResult.notMatch();
    }

    private int managementPort() {
        if (known) {
            return bound;
        }
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        int port = management != null && !management.equals(server) ? management : -1;
        if (management != null && server != null) { // both bound: final
            bound = port;
            known = true;
        }
        return port;
    }
}
