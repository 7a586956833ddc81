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
 * times the configured rate. Over the limit: 429 problem with {@code Retry-After}.
 */
@Component
public class RateLimiter {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    /** Set once a request has been counted, so that the two rate-limit filters never count it twice. */
    static final String COUNTED_ATTRIBUTE = RateLimiter.class.getName() + ".counted";

    private final Buckets buckets;

    public RateLimiter(GatewayProperties properties) {
        this.buckets = new Buckets(properties.rateLimit().capacity(), properties.rateLimit().refillPeriod());
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
