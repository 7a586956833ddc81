package ml.sdn.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * A token that passed every check (signature, issuer, audience, expiry) gives the same answer until it
 * expires, so the answer is kept until then: a client sends the same access token with every request of
 * its 5 minutes, and parsing it and checking its RSA signature each time was a fifth of the gateway's
 * CPU under load. Only accepted tokens are kept (a refused one is refused again, with its own checks and
 * the failed-token limiter); entries go at the token's {@code exp}, never later, and at most
 * {@code maximumSize} are kept (a few KB each), keyed by the token itself (its SHA-256, computed per request,
 * cost more than comparing the strings).
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder checks;
    private final Clock clock;
    private final Cache<String, Jwt> accepted;

    VerifiedTokens(ReactiveJwtDecoder checks, Clock clock, long maximumSize) {
        this.checks = checks;
        this.clock = clock;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(new Expiry<String, Jwt>() {
                    @Override
                    public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
                        return Math.max(0, Duration.between(clock.instant(), jwt.getExpiresAt()).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
                        return currentDuration;
                    }

                    @Override
                    public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = accepted.getIfPresent(token);
        // the cache's own expiry is exact to the millisecond; this check makes "never after exp" independent of it
        if (known != null && known.getExpiresAt() != null && clock.instant().isBefore(known.getExpiresAt())) {
            return Mono.just(known);
        }
        return checks.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
                accepted.put(token, jwt);
            }
        });
    }

    /** How many accepted tokens are kept now (tests). */
    long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }
}
