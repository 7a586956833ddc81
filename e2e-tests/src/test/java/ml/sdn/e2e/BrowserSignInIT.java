package ml.sdn.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's way in: the gateway sends it to Keycloak (authorization code with PKCE), keeps the
 * tokens in its session and relays the access token to the services; state-changing requests need
 * the CSRF token; logout also ends the Keycloak session.
 */
@ExtendWith(RunningPlatform.class)
class BrowserSignInIT {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final Platform platform;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new LocalhostCookies(cookies))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    BrowserSignInIT(Platform platform) {
        this.platform = platform;
    }

    @Test
    void a_browser_signs_in_through_keycloak_and_the_gateway_relays_its_token_to_the_services() {
        signIn("participant-bf");

        Platform.Response me = get(platform.gateway("/api/registrations/whoami"));

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("participant-bf");
        assertThat(me.json().get("country").asString()).isEqualTo("BF");
    }

    @Test
    void a_state_changing_request_from_a_cookie_session_needs_the_csrf_token() {
        signIn("participant-ml");

        Platform.Response withoutToken = send(HttpRequest.newBuilder(URI.create(platform.gateway("/api/registrations/participants/me")))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"preferredLanguage\":\"fr\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}")));

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.contentType()).startsWith("application/problem+json");

        String csrf = cookie("XSRF-TOKEN");
        Platform.Response withToken = send(HttpRequest.newBuilder(URI.create(platform.gateway("/api/registrations/participants/me")))
                .header("Content-Type", "application/json").header("Accept", "application/json").header("X-XSRF-TOKEN", csrf)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"preferredLanguage\":\"fr\",\"consent\":{\"accepted\":true,\"version\":\"2026-01\"}}")));

        assertThat(withToken.status()).as(withToken.body()).isBetween(200, 201);
    }

    @Test
    void logout_ends_the_gateway_session_and_the_keycloak_session() {
        signIn("coach-ne");
        String csrf = cookie("XSRF-TOKEN");

        Platform.Response logout = send(HttpRequest.newBuilder(URI.create(platform.gateway("/logout")))
                .header("X-XSRF-TOKEN", csrf).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")));

        assertThat(logout.status()).isEqualTo(302);
        String endSession = logout.header("Location");
        assertThat(endSession).startsWith(platform.issuerUri() + "/protocol/openid-connect/logout");
        Platform.Response keycloakLogout = get(endSession);
        assertThat(keycloakLogout.status()).isEqualTo(302);
        assertThat(keycloakLogout.header("Location")).startsWith(platform.gateway("/"));

        Platform.Response after = get(platform.gateway("/api/registrations/whoami"));
        assertThat(after.status()).isEqualTo(401);
        // Keycloak no longer knows the browser: signing in again shows the login form
        Platform.Response again = get(platform.gateway("/oauth2/authorization/keycloak"));
        Platform.Response loginPage = get(again.header("Location"));
        assertThat(loginPage.status()).isEqualTo(200);
        assertThat(loginPage.body()).contains("kc-form-login");
    }

    /** The authorization code flow as a browser runs it, with PKCE checked on the way. */
    private void signIn(String username) {
        Platform.Response start = get(platform.gateway("/oauth2/authorization/keycloak"));
        assertThat(start.status()).isEqualTo(302);
        String authorize = start.header("Location");
        assertThat(authorize).startsWith(platform.issuerUri() + "/protocol/openid-connect/auth")
                .contains("code_challenge=").contains("code_challenge_method=S256");

        Platform.Response loginPage = get(authorize);
        assertThat(loginPage.status()).as(loginPage.body()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        assertThat(action.find()).as("login form in %s", loginPage.body()).isTrue();

        Platform.Response credentials = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=demo&credentialId=")));
        assertThat(credentials.status()).as(credentials.body()).isEqualTo(302);
        String callback = credentials.header("Location");
        assertThat(callback).startsWith(platform.gateway("/login/oauth2/code/keycloak"));

        Platform.Response signedIn = get(callback);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("error");
    }

    private Platform.Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/json").GET());
    }

    private Platform.Response send(HttpRequest.Builder request) {
        return Platform.send(browser, request.timeout(Duration.ofSeconds(20)).build());
    }

    /**
     * Browsers treat http://localhost as a secure context and send it cookies marked Secure (Keycloak
     * marks its login cookies so); Java's cookie manager does not, so the mark is dropped for loopback.
     */
    private static final class LocalhostCookies extends java.net.CookieHandler {

        private final CookieManager delegate;

        LocalhostCookies(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.util.Map<String, java.util.List<String>> get(URI uri, java.util.Map<String, java.util.List<String>> headers)
                throws java.io.IOException {
            return delegate.get(uri, headers);
        }

        @Override
        public void put(URI uri, java.util.Map<String, java.util.List<String>> headers) throws java.io.IOException {
            java.util.Map<String, java.util.List<String>> copy = new java.util.HashMap<>();
            headers.forEach((name, values) -> copy.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList()
                    : values));
            delegate.put(uri, copy);
        }
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie; cookies: " + cookies.getCookieStore().getCookies()));
    }
}
