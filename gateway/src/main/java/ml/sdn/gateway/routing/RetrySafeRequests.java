package ml.sdn.gateway.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Set;

/**
 * Tries a request a second time where that cannot do harm. A request whose connection the instance refused (or
 * did not accept in time) was never sent: it goes to another instance of the service, whatever its method, when the
 * service has one; the refusing instance is taken out of rotation at once ({@link ServiceInstances#markDown}).
 * Beyond that, only GET and HEAD (safe by HTTP's definition) and writes carrying an {@code Idempotency-Key} (the
 * service answers a repeated key with the first answer) are tried again, once:
 * <ul>
 *   <li>after a 503 answered by the instance (Tomcat's answer while it shuts down, before it closes its
 *   connections): on another instance, when the service has one, the first being taken out;</li>
 *   <li>after a connection that broke under the request (a service's Tomcat closes a kept-alive connection after a
 *   while without requests, or when it stops; Reactor Netty: "Connection prematurely closed BEFORE response"): on
 *   any instance, also the same one, as the service may be healthy.</li>
 * </ul>
 * Any other write that reached an instance is never sent again, whatever happened to it. Nothing is tried again
 * once the answer has started. Runs inside the route's circuit breaker (route filters come first), whose time
 * limit covers both tries. The body of a keyed write is kept for the second try (at most the gateway's size limit).
 */
@Component
class RetrySafeRequests implements GlobalFilter, Ordered {

    /** The instance the first try went to; the load balancer offers the others for the second ({@link LoadBalancingConfig}). */
    static final String FAILED_INSTANCE_ATTR = RetrySafeRequests.class.getName() + ".failedInstance";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(RetrySafeRequests.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final ServiceInstances instances;

    RetrySafeRequests(ServiceInstances instances) {
        this.instances = instances;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (SAFE.contains(exchange.getRequest().getMethod())) {
            return tryTwice(exchange, chain, true);
        }
        if (exchange.getRequest().getHeaders().containsHeader(IDEMPOTENCY_KEY)) {
            return ServerWebExchangeUtils.cacheRequestBody(exchange,
                    cached -> tryTwice(exchange.mutate().request(cached).build(), chain, true));
        }
        // the body is read only once connected: a refused connection leaves it unread for the second try
        return tryTwice(exchange, chain, false);
    }

    private Mono<Void> tryTwice(ServerWebExchange exchange, GatewayFilterChain chain, boolean repeatable) {
        // lb://<service>/…: the load balancer replaces it with the chosen instance's address; the second try starts again from it
        URI routeUrl = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        return chain.filter(exchange)
                .then(Mono.fromSupplier(() -> repeatable && answeredUnavailable(exchange, routeUrl)))
                .onErrorResume(error -> failedBeforeAnswer(exchange, routeUrl, error, repeatable), error -> {
                    log.debug("Trying {} again: {}", exchange.getRequest().getPath(), error.toString());
                    return Mono.just(true);
                })
                .flatMap(again -> again ? secondTry(exchange, chain, routeUrl) : Mono.empty());
    }

    /** A 503 from the instance itself (not the gateway's), while the service has another instance. */
    private boolean answeredUnavailable(ServerWebExchange exchange, URI routeUrl) {
        if (exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) == null
                || !HttpStatus.SERVICE_UNAVAILABLE.equals(exchange.getResponse().getStatusCode())
                || exchange.getResponse().isCommitted() || !hasOtherInstances(routeUrl)) {
            return false;
        }
        takeOut(exchange);
        log.debug("Trying {} on another instance: the first answered 503", exchange.getRequest().getPath());
        return true;
    }

    private boolean failedBeforeAnswer(ServerWebExchange exchange, URI routeUrl, Throwable error, boolean repeatable) {
        if (exchange.getResponse().isCommitted()) {
            return false;
        }
        boolean io = false;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) { // refused, or timed out (Netty's ConnectTimeoutException is one)
                if (!hasOtherInstances(routeUrl)) {
                    return false; // the service is down: a second try would only delay the 503
                }
                takeOut(exchange);
                return true;
            }
            io |= t instanceof IOException;
        }
        return io && repeatable;
    }

    private boolean hasOtherInstances(URI routeUrl) {
        return routeUrl != null && "lb".equals(routeUrl.getScheme()) && instances.count(routeUrl.getHost()) > 1;
    }

    private static ServiceInstance chosenInstance(ServerWebExchange exchange) {
        Response<ServiceInstance> chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
        return chosen != null && chosen.hasServer() ? chosen.getServer() : null;
    }

    private void takeOut(ServerWebExchange exchange) {
        ServiceInstance failed = chosenInstance(exchange);
        if (failed != null) {
            instances.markDown(failed);
        }
    }

    private static Mono<Void> secondTry(ServerWebExchange exchange, GatewayFilterChain chain, URI routeUrl) {
        ServiceInstance failed = chosenInstance(exchange);
        if (failed != null) {
            exchange.getAttributes().put(FAILED_INSTANCE_ATTR, failed);
        }
        // the first answer (a 503) is dropped unread; its connection is not reused
        Connection first = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        if (first != null) {
            first.dispose();
        }
        exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
        exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR);
        ServerWebExchangeUtils.reset(exchange); // the routing filter runs again, nothing of the first try kept
        if (routeUrl != null) {
            exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, routeUrl);
        }
        return chain.filter(exchange);
    }

    /** After the request URL's resolution (10000), before the load balancer (10150) and the Netty routing filter (last). */
    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }
}
