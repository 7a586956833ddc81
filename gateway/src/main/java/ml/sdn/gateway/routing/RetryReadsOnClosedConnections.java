package ml.sdn.gateway.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;

/**
 * A service's Tomcat closes a kept-alive connection after a while without requests (its keep-alive timeout)
 * and when it restarts; a request the gateway sends on such a connection at that very moment never gets an
 * answer (Reactor Netty: "Connection prematurely closed BEFORE response", or an error while acquiring the
 * connection), and became a 503 although the service was healthy. The pool drops idle connections before
 * Tomcat does ({@code httpclient.pool.max-idle-time}); what remains of the race is retried here once, for
 * GET and HEAD only: HTTP defines them as safe, so a second try changes nothing. A write is never retried.
 * Neither is a refused or timed-out connection (the service is down: a second try would only delay the
 * 503), nor anything once the answer has started. Runs inside the route's circuit breaker (route filters
 * come first), whose time limit covers both tries.
 */
@Component
class RetryReadsOnClosedConnections implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RetryReadsOnClosedConnections.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!SAFE.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).onErrorResume(
                error -> isClosedConnection(error) && !exchange.getResponse().isCommitted(),
                error -> {
                    log.debug("Retrying {} on another connection: {}", exchange.getRequest().getPath(), error.toString());
                    ServerWebExchangeUtils.reset(exchange); // the routing filter runs again, nothing of the first try kept
                    return chain.filter(exchange);
                });
    }

    /** The connection broke under the request; not a service that refuses or never accepts connections. */
    private static boolean isClosedConnection(Throwable error) {
        boolean io = false;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) { // refused, or timed out (Netty's ConnectTimeoutException is one)
                return false;
            }
            io |= t instanceof IOException;
        }
        return io;
    }

    /** After the request URL's resolution (10000), before the Netty routing filter (last). */
    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }
}
