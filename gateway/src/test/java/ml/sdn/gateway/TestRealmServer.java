package ml.sdn.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test stand-in for the sdn realm's OIDC endpoints, just enough for the browser sign-in flow, over real
 * HTTP on loopback: a token endpoint that checks the client secret and the PKCE verifier before it trades a
 * code for signed ID and access tokens, a userinfo endpoint and the realm keys. The test plays the user at
 * the login page by calling {@link #signIn}. Claims go only where identity/realm-sdn.json (plus Keycloak's
 * default client scopes) puts them for client sdn-gateway; the real Keycloak flow is covered by e2e-tests.
 */
final class TestRealmServer implements AutoCloseable {

    static final String CLIENT_ID = "sdn-gateway";
    static final String CLIENT_SECRET = "test-client-secret";

    private record PendingLogin(String username, String country, List<String> roles, String codeChallenge, String nonce) {
    }

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final Map<String, PendingLogin> codes = new ConcurrentHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, PendingLogin> logins = new ConcurrentHashMap<>();

    TestRealmServer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-realm").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/sdn";
        server.createContext("/realms/sdn/protocol/openid-connect/certs",
                exchange -> reply(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/realms/sdn/protocol/openid-connect/token", this::token);
        server.createContext("/realms/sdn/protocol/openid-connect/userinfo", this::userInfo);
        server.start();
    }

    String issuer() {
        return issuer;
    }

    /** The user signs in at the login page the gateway sent them to; returns the authorization code. */
    String signIn(String username, String country, List<String> roles, String codeChallenge, String nonce) {
        String code = UUID.randomUUID().toString();
        codes.put(code, new PendingLogin(username, country, roles, codeChallenge, nonce));
        return code;
    }

    /** The access token issued to this user, as the services must receive it. */
    String accessTokenOf(String username) {
        return accessTokens.get(username);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        PendingLogin login = codes.remove(form.getOrDefault("code", ""));
        if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{\"error\":\"invalid_client\"}");
        } else if (login == null || !"authorization_code".equals(form.get("grant_type"))
                || !login.codeChallenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            reply(exchange, 400, "{\"error\":\"invalid_grant\"}");
        } else {
            String accessToken = sign(accessTokenClaims(login));
            String idToken = sign(idTokenClaims(login));
            accessTokens.put(login.username(), accessToken);
            logins.put(login.username(), login);
            reply(exchange, 200, """
                    {"access_token":"%s","token_type":"Bearer","expires_in":300,"id_token":"%s",\
                    "refresh_token":"%s","scope":"openid profile email"}""".formatted(accessToken, idToken, UUID.randomUUID()));
        }
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String username = accessTokens.entrySet().stream()
                .filter(entry -> ("Bearer " + entry.getValue()).equals(authorization))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (username == null) {
            reply(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        reply(exchange, 200, userInfoClaims(logins.get(username)).toString());
    }

    /**
     * Access token: audience sdn-api (audience mapper) and country (client mapper), realm_access.roles
     * (Keycloak's default "roles" scope: access token only), the profile and email claims (default scopes).
     */
    private JWTClaimsSet accessTokenClaims(PendingLogin login) {
        return common(login, List.of("sdn-api", "account"))
                .claim("typ", "Bearer")
                .claim("scope", "openid profile email")
                .claim("realm_access", Map.of("roles", login.roles()))
                .claim("country", login.country())
                .build();
    }

    /**
     * ID token: audience sdn-gateway only, the nonce, country (client mapper) and the realm roles, which only
     * the client's "realm roles in ID token and userinfo" mapper puts here (claim realm_access.roles).
     */
    private JWTClaimsSet idTokenClaims(PendingLogin login) {
        return common(login, List.of(CLIENT_ID))
                .claim("typ", "ID")
                .claim("nonce", login.nonce())
                .claim("realm_access", Map.of("roles", login.roles()))
                .claim("country", login.country())
                .build();
    }

    /** Userinfo: the same user claims as the ID token (both mappers also target userinfo). */
    private JWTClaimsSet userInfoClaims(PendingLogin login) {
        return new JWTClaimsSet.Builder()
                .subject(subjectOf(login.username()))
                .claim("preferred_username", login.username())
                .claim("email", emailOf(login.username()))
                .claim("email_verified", true)
                .claim("name", nameOf(login.username()))
                .claim("realm_access", Map.of("roles", login.roles()))
                .claim("country", login.country())
                .build();
    }

    private JWTClaimsSet.Builder common(PendingLogin login, List<String> audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subjectOf(login.username()))
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("azp", CLIENT_ID)
                .claim("preferred_username", login.username())
                .claim("email", emailOf(login.username()))
                .claim("email_verified", true)
                .claim("name", nameOf(login.username()));
    }

    private static String emailOf(String username) {
        return username + "@demo.sdn.ml";
    }

    private static String nameOf(String username) {
        return "Test " + username;
    }

    static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        try (exchange) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
