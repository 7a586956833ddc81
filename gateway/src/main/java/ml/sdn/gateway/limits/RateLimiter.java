package ml.sdn.gateway.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import ml.sdn.gateway.GatewayProperties;
import ml.sdn.gateway.problems.GatewayProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets per client key ({@code sub:…} for signed-in callers, {@code ip:…} for the others), in the
 * memory of this gateway instance: each instance enforces its own share, so N instances allow up to N
 * times the configured rate. Over the limit: 429 problem with {@code Retry-After}.
 */
@Component
public class RateLimiter {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    /** Set once a request has been counted, so that the two rate-limit filters never count it twice. */
    static final String COUNTED_ATTRIBUTE = RateLimiter.class.getName() + ".counted";

    private final long capacity;
    private final Duration refillPeriod;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

    public RateLimiter(GatewayProperties properties) {
        this.capacity = properties.rateLimit().capacity();
        this.refillPeriod = properties.rateLimit().refillPeriod();
    }

    static boolean isExempt(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        // probes are never throttled; nor the portal's style sheet and script, which every page view fetches
        // (cached a week by browsers, a few KB, no session touched)
        return path.startsWith("/actuator/health") || path.startsWith("/assets/");
    }

    /** Counts the request against {@code client}'s bucket, then continues the chain or fails with a 429. */
    Mono<Void> consume(String client, ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(COUNTED_ATTRIBUTE, client);
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
    }

    static String addressKey(ServerWebExchange exchange) {
        InetSocketAddress address = exchange.getRequest().getRemoteAddress();
        return "ip:" + (address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress());
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
}
