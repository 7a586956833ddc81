package ml.sdn.gateway.limits;

import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.security.Principal;

/**
 * Limits signed-in callers per subject (the token's {@code sub}, bearer or session alike), so users behind
 * one address (a campus, a venue's Wi-Fi) do not share a bucket. Runs after Spring Security (-100) so that
 * the caller is known. Requests already counted by {@link AnonymousRateLimitFilter} pass; anything else
 * that reaches here without a user is counted by remote address.
 */
@Component
@Order(-50)
public class RateLimitFilter implements WebFilter {

    /** Marks a caller without credentials not counted yet: counted by address. */
    private static final String BY_ADDRESS = "ip";

    private final RateLimiter limiter;

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (RateLimiter.isExempt(exchange)) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(principal -> !(principal instanceof AnonymousAuthenticationToken))
                .map(RateLimitFilter::subjectKey)
                .switchIfEmpty(Mono.fromSupplier(() -> exchange.getAttributes().containsKey(RateLimiter.COUNTED_ATTRIBUTE)
                        ? "" : BY_ADDRESS))
                .flatMap(client -> client.isEmpty() ? chain.filter(exchange)
                        : BY_ADDRESS.equals(client) ? limiter.consumeByAddress(exchange, chain)
                        : limiter.consume(client, exchange, chain));
    }

    private static String subjectKey(Principal principal) {
        if (principal instanceof JwtAuthenticationToken jwt) {
            return "sub:" + jwt.getToken().getSubject();
        }
        if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof OidcUser user) {
            return "sub:" + user.getSubject();
        }
        return "name:" + principal.getName();
    }
}
