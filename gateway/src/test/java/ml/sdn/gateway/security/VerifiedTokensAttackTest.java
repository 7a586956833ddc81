package ml.sdn.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import ml.sdn.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kept answers seen from an attacker's side, with real RS256 signatures and the gateway's checks (signature,
 * issuer, audience, expiry with its 60 s of skew) reading the same clock as the cache.
 */
class VerifiedTokensAttackTest {

    private static final String ISSUER = "http://keycloak.test/realms/sdn";
    private static final KeyPair KEYS = rsaKeys();
    private static final KeyPair OTHER_KEYS = rsaKeys();

    private final MutableClock clock = new MutableClock(Instant.parse("2027-01-29T09:00:00Z"));
    private final VerifiedTokens tokens = new VerifiedTokens(decoder(), clock, 100);

    @Test
    void a_token_kept_earlier_is_refused_once_it_has_expired() {
        String token = token(KEYS, SecurityConfig.AUDIENCE, Duration.ofMinutes(5));
        assertThat(tokens.decode(token).block().getSubject()).isEqualTo("participant-ne");

        clock.advance(Duration.ofMinutes(5)); // at exp: the kept answer no longer counts, the checks allow 60 s of skew
        assertThat(tokens.decode(token).block()).isNotNull();
        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> tokens.decode(token).block()).isInstanceOf(JwtException.class).hasMessageContaining("expired");
    }

    @Test
    void a_kept_token_with_its_signature_or_claims_changed_is_refused() {
        String token = token(KEYS, SecurityConfig.AUDIENCE, Duration.ofMinutes(5));
        tokens.decode(token).block();
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
        String forged = token(OTHER_KEYS, SecurityConfig.AUDIENCE, Duration.ofMinutes(5));
        String claimsOfForgedWithSignatureOfKept = forged.split("\\.")[0] + "." + forged.split("\\.")[1] + "." + parts[2];

        for (String attempt : List.of(otherSignature, forged, claimsOfForgedWithSignatureOfKept)) {
            assertThatThrownBy(() -> tokens.decode(attempt).block()).isInstanceOf(JwtException.class);
        }
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void a_token_for_another_audience_is_refused_every_time_and_never_kept() {
        String token = token(KEYS, "another-api", Duration.ofMinutes(5));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode(token).block()).isInstanceOf(JwtException.class).hasMessageContaining("aud");
        }
        assertThat(tokens.size()).isZero();
    }

    @Test
    void random_or_forged_tokens_never_grow_the_kept_answers() {
        for (int i = 0; i < 100; i++) {
            String random = UUID.randomUUID() + "." + UUID.randomUUID() + "." + UUID.randomUUID();
            String forged = token(OTHER_KEYS, SecurityConfig.AUDIENCE, Duration.ofMinutes(5));
            assertThatThrownBy(() -> tokens.decode(random).block()).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> tokens.decode(forged).block()).isInstanceOf(JwtException.class);
        }
        assertThat(tokens.size()).isZero();

        for (int i = 0; i < 150; i++) { // even valid ones stay within the bound (100 here)
            tokens.decode(token(KEYS, SecurityConfig.AUDIENCE, Duration.ofMinutes(5))).block();
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(100);
    }

    private NimbusReactiveJwtDecoder decoder() {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        var timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(SecurityConfig.AUDIENCE))));
        return decoder;
    }

    private String token(KeyPair keys, String audience, Duration validFor) {
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("participant-ne").audience(audience)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validFor))).build();
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeys() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
