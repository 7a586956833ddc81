package ml.sdn.gateway.security;

import org.springframework.core.env.Environment;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/**
 * Matches the requests that arrived on the actuator's own port (management.server.port), never those of the
 * public port, even if both were configured alike. The ports are read from what the servers actually bound
 * (random in tests), once they have started.
 */
final class ManagementPort implements ServerWebExchangeMatcher {

    private final Environment environment;

    ManagementPort(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        boolean onManagementPort = local != null && management != null && !management.equals(server)
                && local.getPort() == management;
        return onManagementPort ? MatchResult.match() : MatchResult.notMatch();
    }
}
