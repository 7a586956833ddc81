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
 * Just enough of a Keycloak realm for the browser sign-in flow, over real HTTP on loopback: a token
 * endpoint that checks the client secret and the PKCE verifier before it trades a code for signed ID and
 * access tokens, a userinfo endpoint and the realm keys. The test plays the user at the login page by
 * calling {@link #signIn}.
 */
final class FakeKeycloak implements AutoCloseable {

    static final String CLIENT_ID = "sdn-gateway";
    static final String CLIENT_SECRET = "test-client-secret";

    private record PendingLogin(String username, String country, List<String> roles, String codeChallenge, String nonce) {
    }

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final Map<String, PendingLogin> codes = new ConcurrentHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();

    FakeKeycloak() {
        try {
            key = new RSAKeyGenerator(2048).keyID("fake-keycloak").generate();
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
            String accessToken = sign(claims(login, List.of("sdn-api", "account")).claim("azp", CLIENT_ID).build());
            String idToken = sign(claims(login, List.of(CLIENT_ID)).claim("nonce", login.nonce()).claim("azp", CLIENT_ID).build());
            accessTokens.put(login.username(), accessToken);
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
        reply(exchange, 200, """
                {"sub":"%s","preferred_username":"%s"}""".formatted(subjectOf(username), username));
    }

    private JWTClaimsSet.Builder claims(PendingLogin login, List<String> audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subjectOf(login.username()))
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("preferred_username", login.username())
                .claim("country", login.country())
                .claim("realm_access", Map.of("roles", login.roles()));
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
