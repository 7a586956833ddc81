package ml.sdn.e2e;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as the gateway sees one, over plain HTTP: it keeps cookies (for a host, whatever the port,
 * as browsers do), follows no redirect on its own, and signs in through Keycloak's login form with the
 * authorization code flow and PKCE.
 */
public final class HttpBrowser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new LocalhostCookies(cookies))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Signs {@code username} (password {@code demo}) in through the gateway at {@code gatewayUrl}. */
    public void signIn(String gatewayUrl, String issuerUri, String username) {
        Platform.Response start = get(gatewayUrl + "/oauth2/authorization/keycloak");
        assertThat(start.status()).isEqualTo(302);
        String authorize = start.header("Location");
        assertThat(authorize).startsWith(issuerUri + "/protocol/openid-connect/auth")
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
        assertThat(callback).startsWith(gatewayUrl + "/login/oauth2/code/keycloak");

        Platform.Response signedIn = get(callback);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("error");
    }

    public Platform.Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/json").GET());
    }

    public Platform.Response send(HttpRequest.Builder request) {
        return Platform.send(client, request.timeout(Duration.ofSeconds(20)).build());
    }

    /** The request sent as it is, with this browser's cookies; a refused connection is the caller's to handle. */
    public HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie; cookies: " + cookies.getCookieStore().getCookies()));
    }

    /**
     * Browsers treat http://localhost as a secure context and send it cookies marked Secure (Keycloak
     * marks its login cookies so); Java's cookie manager does not, so the mark is dropped for loopback.
     */
    private static final class LocalhostCookies extends CookieHandler {

        private final CookieManager delegate;

        LocalhostCookies(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return delegate.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> copy = new HashMap<>();
            headers.forEach((name, values) -> copy.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList()
                    : values));
            delegate.put(uri, copy);
        }
    }
}
