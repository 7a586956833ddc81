package ml.sdn.gateway.limits;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Before Spring Security checks a bearer token: a caller whose address, or whose very token, has had too many
 * tokens refused gets 429 at once, at the cost of a map look-up instead of a signature check.
 */
@Component
@Order(-140) // after the anonymous limit (-150), before Spring Security (-100)
public class FailedTokenFilter implements WebFilter {

    private final FailedTokens failedTokens;

    public FailedTokenFilter(FailedTokens failedTokens) {
        this.failedTokens = failedTokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (RateLimiter.isExempt(exchange) || !AnonymousRateLimitFilter.hasBearerToken(exchange)) {
            return chain.filter(exchange);
        }
        long wait = failedTokens.blockedFor(exchange);
        return wait > 0 ? Mono.error(RateLimiter.tooManyRequests(wait)) : chain.filter(exchange);
    }
}
