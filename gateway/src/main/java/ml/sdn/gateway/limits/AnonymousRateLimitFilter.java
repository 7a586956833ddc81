package ml.sdn.gateway.limits;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Limits requests without credentials (no bearer token, no signed-in session) by remote address,
 * before Spring Security (-100) sees them: 401s, redirects to the login page and the start of a sign-in
 * (which stores the authorization request in a new session) all count, so one address cannot fill the
 * in-memory session store. Requests with credentials are counted per subject by {@link RateLimitFilter}.
 * Addresses of shared networks (the venue, a carrier-grade NAT) get their own, larger allowance.
 */
@Component
@Order(-150)
public class AnonymousRateLimitFilter implements WebFilter {

    /** Where Spring Security keeps a signed-in user's context in the session. */
    static final String SECURITY_CONTEXT_ATTRIBUTE = "SPRING_SECURITY_CONTEXT";

    private final RateLimiter limiter;

    public AnonymousRateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (RateLimiter.isExempt(exchange) || hasBearerToken(exchange)) {
            return chain.filter(exchange); // checked by Spring Security, then counted per subject
        }
        // the session is looked up once per exchange and cached there; an unknown cookie gives a new, unsaved one
        return exchange.getSession()
                .map(AnonymousRateLimitFilter::isSignedIn)
                .defaultIfEmpty(false)
                .flatMap(signedIn -> signedIn
                        ? chain.filter(exchange)
                        : limiter.consumeByAddress(exchange, chain));
    }

    /** The request carries a bearer token: Spring Security checks it, and it is counted per subject afterwards. */
    public static boolean hasBearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static boolean isSignedIn(WebSession session) {
        return session.getAttribute(SECURITY_CONTEXT_ATTRIBUTE) != null;
    }
}
