package ml.sdn.gateway.limits;

import ml.sdn.gateway.GatewayProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Bearer tokens the gateway refused, counted per client address and per token (a fingerprint of it): each
 * refusal cost a signature check, so a caller past {@code failed-token-capacity} refusals in a refill period
 * gets 429 before any further check ({@link FailedTokenFilter}). Counted in this instance's memory, like
 * the other limits.
 */
@Component
public class FailedTokens {

    private final Buckets buckets;

    public FailedTokens(GatewayProperties properties) {
        this.buckets = new Buckets(properties.rateLimit().failedTokenCapacity(), properties.rateLimit().refillPeriod());
    }

    /** A token the resource server refused (bad signature, expired, another audience, not a JWT…). */
    public void count(ServerWebExchange exchange) {
        keysOf(exchange).forEach(key -> buckets.of(key).tryConsume(1));
    }

    /** Seconds the caller must wait when its address or this token has used up its refusals; 0 otherwise. */
    long blockedFor(ServerWebExchange exchange) {
        for (String key : keysOf(exchange)) {
            if (buckets.isEmpty(key)) {
                return buckets.secondsToRefill(key);
            }
        }
        return 0;
    }

    private static List<String> keysOf(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return List.of(RateLimiter.addressKey(exchange), "token:" + fingerprint(authorization == null ? "" : authorization));
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
