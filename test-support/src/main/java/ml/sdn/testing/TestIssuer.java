package ml.sdn.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for the Keycloak realm in integration tests: a real HTTP issuer (OIDC discovery and a
 * JWKS endpoint on loopback) and real RS256-signed tokens shaped like Keycloak's (realm_access.roles,
 * country, preferred_username, aud). The services under test verify them exactly as they verify
 * Keycloak's, so signature, expiry, issuer and audience checks are exercised for real.
 *
 * <p>Also mints the tokens an attacker would try: expired, from another issuer, signed by another
 * key, and unsigned ({@code alg: none}).
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "sdn-api";

    private final RSAKey signingKey;
    private final RSAKey strangerKey;
    private final HttpServer server;
    private final String issuerUri;

    private TestIssuer() {
        try {
            this.signingKey = new RSAKeyGenerator(2048).keyID("sdn-test-key").generate();
            this.strangerKey = new RSAKeyGenerator(2048).keyID("sdn-test-key").generate();
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("Cannot create the test issuer", e);
        }
        this.issuerUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/sdn";
        String jwks = new JWKSet(signingKey.toPublicJWK()).toString();
        String discovery = """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",\
                "authorization_endpoint":"%1$s/protocol/openid-connect/auth",\
                "token_endpoint":"%1$s/protocol/openid-connect/token",\
                "end_session_endpoint":"%1$s/protocol/openid-connect/logout",\
                "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],\
                "response_types_supported":["code"]}""".formatted(issuerUri);
        serve("/realms/sdn/.well-known/openid-configuration", discovery);
        serve("/realms/sdn/protocol/openid-connect/certs", jwks);
        server.start();
    }

    /** Starts an issuer on a free loopback port. Close it when the test class is done. */
    public static TestIssuer start() {
        return new TestIssuer();
    }

    public String issuerUri() {
        return issuerUri;
    }

    public String jwkSetUri() {
        return issuerUri + "/protocol/openid-connect/certs";
    }

    /**
     * Points a Spring resource server (and an OAuth2 client registration named {@code keycloak}, if the
     * application has one) at this issuer, through the same properties the services read in production.
     */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", this::issuerUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", this::jwkSetUri);
        registry.add("KEYCLOAK_ISSUER_URI", this::issuerUri);
        registry.add("KEYCLOAK_JWK_SET_URI", this::jwkSetUri);
    }

    /** A valid token for a user with the given roles and country. */
    public String token(String username, String country, String... roles) {
        return sign(signingKey, claims(username, country, List.of(roles), issuerUri, Instant.now().plus(Duration.ofMinutes(5))));
    }

    /** A valid token whose {@code delegation} claim (a coordinator's country, set by administrators) is {@code delegation}, or absent when null. */
    public String tokenWithDelegation(String username, String country, String delegation, String... roles) {
        JWTClaimsSet base = claims(username, country, List.of(roles), issuerUri, Instant.now().plus(Duration.ofMinutes(5)));
        return sign(signingKey, new JWTClaimsSet.Builder(base).claim("delegation", delegation).build());
    }

    /** The stable subject ({@code sub}) that {@link #token} gives a username. */
    public static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A token of an account that has not verified its e-mail address yet ({@code email_verified: false}). */
    public String tokenWithUnverifiedEmail(String username, String country, String... roles) {
        JWTClaimsSet base = claims(username, country, List.of(roles), issuerUri, Instant.now().plus(Duration.ofMinutes(5)));
        return sign(signingKey, new JWTClaimsSet.Builder(base).claim("email_verified", false).build());
    }

    public String expiredToken(String username, String country, String... roles) {
        return sign(signingKey, claims(username, country, List.of(roles), issuerUri, Instant.now().minus(Duration.ofMinutes(10))));
    }

    public String tokenFromOtherIssuer(String username, String country, String... roles) {
        return sign(signingKey, claims(username, country, List.of(roles), "http://127.0.0.1:1/realms/evil",
                Instant.now().plus(Duration.ofMinutes(5))));
    }

    public String tokenSignedByOtherKey(String username, String country, String... roles) {
        return sign(strangerKey, claims(username, country, List.of(roles), issuerUri, Instant.now().plus(Duration.ofMinutes(5))));
    }

    public String tokenForOtherAudience(String username, String country, String... roles) {
        JWTClaimsSet base = claims(username, country, List.of(roles), issuerUri, Instant.now().plus(Duration.ofMinutes(5)));
        return sign(signingKey, new JWTClaimsSet.Builder(base).audience("some-other-api").build());
    }

    /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
    public String unsignedToken(String username, String country, String... roles) {
        return new PlainJWT(claims(username, country, List.of(roles), issuerUri, Instant.now().plus(Duration.ofMinutes(5)))).serialize();
    }

    private static JWTClaimsSet claims(String username, String country, List<String> roles, String issuer, Instant expiry) {
        Instant issuedAt = expiry.minus(Duration.ofMinutes(5));
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subjectOf(username))
                .audience(List.of(AUDIENCE, "account"))
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", "sdn-cli")
                .claim("preferred_username", username)
                .claim("email", username + "@demo.sdn.ml")
                .claim("email_verified", true) // as Keycloak's demo users and every account that verified its address
                .claim("name", username)
                .claim("realm_access", Map.of("roles", roles));
        if (country != null) {
            builder.claim("country", country);
            if (roles.contains("coordinator")) {
                // as the realm's administrators assign it: a coordinator coordinates their own country
                builder.claim("delegation", country);
            }
        }
        return builder.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                // one exchange per connection: the JDK server can leave a request on a reused keep-alive
                // connection unanswered, which shows up as a rare hang of the caller under load
                exchange.getResponseHeaders().set("Connection", "close");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
