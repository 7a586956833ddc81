package ml.sdn.gateway.limits;

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
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per client key ({@code sub:…} for signed-in callers, {@code ip:…} for the others), in the
 * memory of this gateway instance: each instance enforces its own share, so N instances allow up to N
 * times the configured rate. An address of a shared network (a venue, a carrier-grade NAT) has a bucket of
 * its own size. Over the limit: 429 problem with {@code Retry-After}.
 */
@Component
public class RateLimiter {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    /** Set once a request has been counted, so that the two rate-limit filters never count it twice. */
    static final String COUNTED_ATTRIBUTE = RateLimiter.class.getName() + ".counted";

    private final Buckets buckets;
    private final SharedAddresses sharedAddresses;
    private final Buckets sharedBuckets;

    public RateLimiter(GatewayProperties properties) {
        GatewayProperties.RateLimit limits = properties.rateLimit();
        this.buckets = new Buckets(limits.capacity(), limits.refillPeriod());
        this.sharedAddresses = SharedAddresses.of(limits.sharedAddresses());
        this.sharedBuckets = new Buckets(limits.sharedAddressCapacity(), limits.refillPeriod());
    }

    static boolean isExempt(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        // probes are never throttled; nor the portal's style sheet and script, which every page view fetches
        // (cached a week by browsers, a few KB, no session touched)
        return path.startsWith("/actuator/health") || path.startsWith("/assets/");
    }

    /** Counts the request against {@code client}'s bucket, then continues the chain or fails with a 429. */
    Mono<Void> consume(String client, ServerWebExchange exchange, WebFilterChain chain) {
        return consume(buckets, client, exchange, chain);
    }

    /** Counts a request without credentials against its address's bucket (a shared network's size if it is in one). */
    Mono<Void> consumeByAddress(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress address = exchange.getRequest().getRemoteAddress();
        boolean shared = !sharedAddresses.isEmpty() && address != null && address.getAddress() != null
                && sharedAddresses.contains(address.getAddress());
        return consume(shared ? sharedBuckets : buckets, addressKey(exchange), exchange, chain);
    }

    private static Mono<Void> consume(Buckets buckets, String client, ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(COUNTED_ATTRIBUTE, client);
        ConsumptionProbe probe = buckets.of(client).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Mono.error(tooManyRequests(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L))));
        }
        exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
        return chain.filter(exchange);
    }

    /** 429 problem with {@code Retry-After}. */
    static GatewayProblem tooManyRequests(long seconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new GatewayProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry in " + seconds + " s.", headers, null);
    }

    static String addressKey(ServerWebExchange exchange) {
        InetSocketAddress address = exchange.getRequest().getRemoteAddress();
        return "ip:" + (address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress());
    }
}
