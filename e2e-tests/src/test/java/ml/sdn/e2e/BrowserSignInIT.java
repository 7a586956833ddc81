package ml.sdn.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's way in: the gateway sends it to Keycloak (authorization code with PKCE), keeps the
 * tokens in its session and relays the access token to the services; state-changing requests need
 * the CSRF token; logout also ends the Keycloak session.
 */
@ExtendWith(RunningPlatform.class)
class BrowserSignInIT {

    private final Platform platform;
    private final HttpBrowser browser = new HttpBrowser();

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
        browser.signIn(platform.gateway(""), platform.issuerUri(), username);
    }

    private Platform.Response get(String url) {
        return browser.get(url);
    }

    private Platform.Response send(HttpRequest.Builder request) {
        return browser.send(request);
    }

    private String cookie(String name) {
        return browser.cookie(name);
    }
}
