package ml.sdn.gateway.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import ml.sdn.gateway.GatewayProperties;
import ml.sdn.gateway.problems.GatewayProblem;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket per client (the token's subject when signed in, else the remote address), in the memory
 * of this gateway instance: each instance enforces its own share, so N instances allow up to N times the
 * configured rate. Over the limit: 429 problem with {@code Retry-After}.
 * Runs after Spring Security (-100) so that the caller is known.
 */
@Component
@Order(-50)
public class RateLimitFilter implements WebFilter {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final long capacity;
    private final Duration refillPeriod;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

    public RateLimitFilter(GatewayProperties properties) {
        this.capacity = properties.rateLimit().capacity();
        this.refillPeriod = properties.rateLimit().refillPeriod();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/health")) {
            return chain.filter(exchange); // probes must never be throttled
        }
        return exchange.getPrincipal()
                .filter(principal -> !(principal instanceof AnonymousAuthenticationToken))
                .map(RateLimitFilter::clientOf)
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + remoteAddress(exchange)))
                .flatMap(client -> {
                    ConsumptionProbe probe = bucketOf(client).tryConsumeAndReturnRemaining(1);
                    if (!probe.isConsumed()) {
                        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
                        HttpHeaders headers = new HttpHeaders();
                        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                        return Mono.error(new GatewayProblem(HttpStatus.TOO_MANY_REQUESTS,
                                "Too many requests; retry in " + seconds + " s.", headers, null));
                    }
                    exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
                    return chain.filter(exchange);
                });
    }

    private Bucket bucketOf(String client) {
        sweepIdleBuckets();
        return buckets.computeIfAbsent(client, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refillPeriod))
                .build());
    }

    /** A full bucket is the same as a new one: forget those, at most once per refill period. */
    private void sweepIdleBuckets() {
        long last = lastSweep.get();
        long now = System.nanoTime();
        if (now - last > refillPeriod.toNanos() && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
        }
    }

    private static String clientOf(java.security.Principal principal) {
        if (principal instanceof JwtAuthenticationToken jwt) {
            return "sub:" + jwt.getToken().getSubject();
        }
        if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof OidcUser user) {
            return "sub:" + user.getSubject();
        }
        return "name:" + principal.getName();
    }

    private static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress address = exchange.getRequest().getRemoteAddress();
        return address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress();
    }
}
