package ml.sdn.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks a token's RS256 signature against Keycloak's key set, whose keys are converted into verifiers
 * once per fetched key set. Spring's default processor selects the JWKs and converts the matching one into
 * an RSA public key (and a new verifier) for every request, which the gateway's profile showed as a large
 * share of its CPU under load. Semantics stay those of the default: only RS256, only Keycloak's signing
 * keys, the key set fetched lazily (startup does not need Keycloak) and fetched again when a token names a
 * key it does not hold (Keycloak rotated its keys), at most every {@link #REFETCH_AT_MOST_EVERY}. A bad
 * or unknown signature is a {@link BadJwtException} (401); keys that cannot be fetched are any other
 * error, which {@code SecurityConfig} turns into a 503.
 */
final class KeycloakSigningKeys implements Converter<JWT, Mono<JWTClaimsSet>> {

    static final Duration REFETCH_AT_MOST_EVERY = Duration.ofSeconds(10);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final WebClient web = WebClient.create();
    private final String jwkSetUri;
    private final AtomicReference<Mono<Keys>> current = new AtomicReference<>();

    KeycloakSigningKeys(String jwkSetUri) {
        this.jwkSetUri = jwkSetUri;
    }

    /** The verifiers of one fetched key set, by key id. */
    private record Keys(Map<String, JWSVerifier> byKeyId, long fetchedAtNanos) {

        boolean mayRefetch() {
            return System.nanoTime() - fetchedAtNanos > REFETCH_AT_MOST_EVERY.toNanos();
        }
    }

    @Override
    public Mono<JWTClaimsSet> convert(JWT jwt) {
        if (!(jwt instanceof SignedJWT signed) || !JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            return Mono.error(new BadJwtException("Only RS256-signed tokens are accepted."));
        }
        String keyId = signed.getHeader().getKeyID();
        Mono<Keys> seen = keys();
        return seen.flatMap(keys -> holds(keys, keyId) || !keys.mayRefetch() ? Mono.just(keys) : refetch(seen))
                .map(keys -> verify(signed, keys));
    }

    private static boolean holds(Keys keys, String keyId) {
        return keyId == null ? !keys.byKeyId().isEmpty() : keys.byKeyId().containsKey(keyId);
    }

    private static JWTClaimsSet verify(SignedJWT token, Keys keys) {
        String keyId = token.getHeader().getKeyID();
        // a token without a key id may be signed by any of the keys (as the default key selector allows)
        List<JWSVerifier> candidates = keyId == null ? List.copyOf(keys.byKeyId().values())
                : keys.byKeyId().containsKey(keyId) ? List.of(keys.byKeyId().get(keyId)) : List.of();
        try {
            for (JWSVerifier verifier : candidates) {
                if (token.verify(verifier)) {
                    return token.getJWTClaimsSet();
                }
            }
        } catch (JOSEException e) {
            throw new JwtException("The signature could not be checked: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new BadJwtException("The token's claims cannot be read.", e);
        }
        throw new BadJwtException(candidates.isEmpty() ? "The token is signed with an unknown key." : "Invalid signature.");
    }

    private Mono<Keys> keys() {
        Mono<Keys> keys = current.get();
        return keys != null ? keys : refetch(null);
    }

    /**
     * One fetch shared by every request that asks meanwhile; a failed fetch is forgotten at once, so the
     * next request tries again (the requests that shared it get a 503).
     */
    private Mono<Keys> refetch(Mono<Keys> seen) {
        AtomicReference<Mono<Keys>> self = new AtomicReference<>();
        Mono<Keys> fetch = web.get().uri(jwkSetUri).retrieve().bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(KeycloakSigningKeys::parse)
                .doOnError(error -> current.compareAndSet(self.get(), null))
                .cache();
        self.set(fetch);
        if (current.compareAndSet(seen, fetch)) {
            return fetch;
        }
        Mono<Keys> other = current.get(); // another request started a fetch first: share it
        return other != null ? other : fetch;
    }

    private static Keys parse(String body) {
        JWKSet set;
        try {
            set = JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("Keycloak's key set cannot be read: " + e.getMessage(), e);
        }
        Map<String, JWSVerifier> verifiers = new LinkedHashMap<>();
        set.getKeys().stream()
                .filter(RSAKey.class::isInstance)
                .map(RSAKey.class::cast)
                // Keycloak also publishes an encryption key (RSA-OAEP): never one to check signatures with
                .filter(key -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
                .filter(key -> key.getAlgorithm() == null || JWSAlgorithm.RS256.equals(key.getAlgorithm()))
                .forEach(key -> verifiers.put(key.getKeyID() == null ? "" : key.getKeyID(), verifier(key)));
        return new Keys(Map.copyOf(verifiers), System.nanoTime());
    }

    private static JWSVerifier verifier(RSAKey key) {
        try {
            return new RSASSAVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("Keycloak's key " + key.getKeyID() + " cannot be used: " + e.getMessage(), e);
        }
    }
}
