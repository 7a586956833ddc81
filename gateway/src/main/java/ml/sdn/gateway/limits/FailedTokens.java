package ml.sdn.gateway.limits;

import ml.sdn.gateway.GatewayProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bearer tokens the gateway refused, counted per client address and per token (a fingerprint of it): each
 * refusal cost a signature check, so a caller past {@code failed-token-capacity} refusals in a refill period
 * gets 429 before any further check ({@link FailedTokenFilter}). Counted in this instance's memory, like
 * the other limits.
 */
@Component
public class FailedTokens {

    // two maps, so that a request is fingerprinted (SHA-256 of its token) only once some token has been refused
    private final Buckets addresses;
    private final Buckets tokens;

    public FailedTokens(GatewayProperties properties) {
        long capacity = properties.rateLimit().failedTokenCapacity();
        this.addresses = new Buckets(capacity, properties.rateLimit().refillPeriod());
        this.tokens = new Buckets(capacity, properties.rateLimit().refillPeriod());
    }

    /** A token the resource server refused (bad signature, expired, another audience, not a JWT…). */
    public void count(ServerWebExchange exchange) {
        addresses.of(RateLimiter.addressKey(exchange)).tryConsume(1);
        tokens.of(tokenKey(exchange)).tryConsume(1);
    }

    /** Seconds the caller must wait when its address or this token has used up its refusals; 0 otherwise. */
    long blockedFor(ServerWebExchange exchange) {
        String address = RateLimiter.addressKey(exchange);
        if (addresses.isEmpty(address)) {
            return addresses.secondsToRefill(address);
        }
        if (tokens.isUnused()) {
            return 0; // nothing refused lately: no fingerprint to compute
        }
        String token = tokenKey(exchange);
        return tokens.isEmpty(token) ? tokens.secondsToRefill(token) : 0;
    }

    private static String tokenKey(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return "token:" + fingerprint(authorization == null ? "" : authorization);
    }

    private static String fingerprint(String authorization) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(authorization.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
