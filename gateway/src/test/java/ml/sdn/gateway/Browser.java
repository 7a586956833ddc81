package ml.sdn.gateway;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser as the gateway sees it: it follows links exactly as given, keeps the cookies the gateway sets
 * (and forgets the ones it clears) and sends them back. The sign-in goes through {@link TestRealmServer}.
 */
final class Browser {

    private final WebTestClient client;
    private final int port;
    private final Map<String, String> cookies = new HashMap<>();

    Browser(WebTestClient client, int port) {
        this.client = client;
        this.port = port;
    }

    WebTestClient client() {
        return client;
    }

    /** Follows a link as a browser would: the path and query are used exactly as given (already encoded). */
    EntityExchangeResult<byte[]> browse(String pathAndQuery) {
        var result = client.get().uri(URI.create("http://127.0.0.1:" + port + pathAndQuery)).accept(MediaType.TEXT_HTML)
                .cookies(this::sendCookies).exchange().expectBody().returnResult();
        remember(result);
        return result;
    }

    /** Opens a page without session and follows the gateway to Keycloak: the login page's address, with its PKCE challenge. */
    URI openLoginPage() {
        URI start = browse("/session").getResponseHeaders().getLocation();
        return browse(start.getPath()).getResponseHeaders().getLocation();
    }

    /** The user signs in at that login page; the browser comes back to the gateway's callback with the code. */
    EntityExchangeResult<byte[]> signIn(TestRealmServer keycloak, URI loginPage, String username, String country, List<String> roles) {
        MultiValueMap<String, String> authorization = UriComponentsBuilder.fromUri(loginPage).build().getQueryParams();
        String code = keycloak.signIn(username, country, roles,
                decoded(authorization.getFirst("code_challenge")), decoded(authorization.getFirst("nonce")));
        return browse("/login/oauth2/code/keycloak?code=" + code + "&state=" + authorization.getFirst("state")); // state as sent, still encoded
    }

    EntityExchangeResult<byte[]> signIn(TestRealmServer keycloak, String username, String country, List<String> roles) {
        return signIn(keycloak, openLoginPage(), username, country, roles);
    }

    void remember(EntityExchangeResult<?> result) {
        result.getResponseCookies().forEach((name, set) -> {
            ResponseCookie cookie = set.get(set.size() - 1);
            if (cookie.getMaxAge().isZero() || cookie.getValue().isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, cookie.getValue());
            }
        });
    }

    void sendCookies(MultiValueMap<String, String> request) {
        cookies.forEach(request::add);
    }

    Map<String, String> cookies() {
        return cookies;
    }

    static String decoded(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
