package ml.sdn.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole browser journey against a realm that checks the client secret and the PKCE verifier:
 * sign in, see the page, call a service with the session (the access token is relayed), sign out at
 * Keycloak too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserSignInIT {

    static final TestRealmServer keycloak = new TestRealmServer();
    static final DownstreamService registration = DownstreamService.echo();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SessionStore.register(registry);
        registry.add("KEYCLOAK_ISSUER_URI", keycloak::issuer);
        registry.add("KEYCLOAK_JWK_SET_URI", () -> keycloak.issuer() + "/protocol/openid-connect/certs");
        registry.add("GATEWAY_CLIENT_SECRET", () -> TestRealmServer.CLIENT_SECRET);
        registry.add("REGISTRATION_SERVICE_URI", registration::uri);
        registry.add("PORTAL_URI", registration::uri); // the echo stands for the portal's pages too
    }

    @AfterAll
    static void stop() {
        registration.close();
        keycloak.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;
    Browser browser;
    Map<String, String> browserCookies;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        browser = new Browser(client, port);
        browserCookies = browser.cookies();
    }

    @Test
    void signs_in_with_pkce_relays_the_access_token_and_signs_out_at_keycloak() {
        // 1. a page without session: off to the login page, with a PKCE challenge
        URI loginPage = browser.openLoginPage();
        assertThat(loginPage.toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?");

        // 2. the user signs in at Keycloak, which sends the browser back with a code
        var callback = browser.signIn(keycloak, loginPage, "participant-ne", "NE", List.of("participant"));
        assertThat(callback.getStatus().value()).as("callback accepted (code, secret and PKCE verifier)").isEqualTo(302);
        assertThat(callback.getResponseHeaders().getLocation()).hasPath("/session");

        // 3. signed in: the page shows who, and a service call carries the user's access token
        client.get().uri("/session").accept(MediaType.TEXT_HTML).cookies(browser::sendCookies).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<strong>participant-ne</strong>").contains("pays : NE").contains("rôles : participant"));
        client.get().uri("/api/registrations/whoami").cookies(browser::sendCookies).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.authorization").isEqualTo("Bearer " + keycloak.accessTokenOf("participant-ne"));

        // 4. sign out (with the CSRF token the page got): the Keycloak session ends too
        var logout = client.post().uri("/logout").cookies(browser::sendCookies)
                .header("X-XSRF-TOKEN", browserCookies.get("XSRF-TOKEN"))
                .exchange()
                .expectStatus().isFound()
                .expectBody().returnResult();
        browser.remember(logout);
        URI endSession = logout.getResponseHeaders().getLocation();
        var endSessionParams = UriComponentsBuilder.fromUri(endSession).build().getQueryParams();
        assertThat(endSession.toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/logout?");
        assertThat(endSessionParams.getFirst("id_token_hint")).isNotBlank();
        assertThat(Browser.decoded(endSessionParams.getFirst("post_logout_redirect_uri"))).isEqualTo("http://127.0.0.1:" + port + "/?signedOut");

        client.get().uri("/api/registrations/whoami").cookies(browser::sendCookies).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void a_sign_up_in_english_opens_keycloaks_registration_form_in_english_then_lands_on_the_profile_form() {
        browserCookies.put("sdn_lang", "en"); // chosen in the portal

        URI registrationForm = browser.browse("/oauth2/authorization/keycloak?signup").getResponseHeaders().getLocation();
        var parameters = UriComponentsBuilder.fromUri(registrationForm).build().getQueryParams();
        assertThat(parameters.getFirst("prompt")).isEqualTo("create");
        assertThat(parameters.getFirst("ui_locales")).isEqualTo("en");

        var callback = browser.signIn(keycloak, registrationForm, "participant-ne", "NE", List.of("participant"));
        assertThat(callback.getStatus().value()).isEqualTo(302);
        assertThat(callback.getResponseHeaders().getLocation()).hasPath("/me/profile");
    }

    @Test
    void a_sign_in_without_a_language_choice_leaves_keycloak_to_its_french_default_and_returns_to_the_page_asked_for() {
        URI loginPage = browser.openLoginPage();

        assertThat(UriComponentsBuilder.fromUri(loginPage).build().getQueryParams()).doesNotContainKeys("ui_locales", "prompt");
        assertThat(browser.signIn(keycloak, loginPage, "participant-ne", "NE", List.of("participant")).getResponseHeaders().getLocation())
                .hasPath("/session");
    }

    @Test
    void gives_a_browser_user_the_realm_roles_the_realm_maps_into_the_id_token_and_userinfo() {
        assertThat(browser.signIn(keycloak, "organizer-ml", "ML", List.of("organizer", "jury")).getStatus().value()).isEqualTo(302);

        // a session, no bearer token: the roles come from the sign-in, not from a header the browser sends
        assertThat(browserCookies).containsKey("SESSION");
        client.get().uri("/session").accept(MediaType.TEXT_HTML).cookies(browser::sendCookies).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<strong>organizer-ml</strong>").contains("rôles : organizer, jury)"));
    }

    @Test
    void refuses_a_callback_whose_code_keycloak_does_not_accept() {
        URI loginPage = browser.openLoginPage();
        String state = UriComponentsBuilder.fromUri(loginPage).build().getQueryParams().getFirst("state");

        var callback = browser.browse("/login/oauth2/code/keycloak?code=forged&state=" + state);

        assertThat(callback.getResponseHeaders().getLocation().getPath()).isNotEqualTo("/");
        client.get().uri("/api/registrations/whoami").cookies(browser::sendCookies).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void a_form_posted_from_a_portal_page_reaches_the_portal_whole_when_it_carries_the_token_the_page_was_given() {
        assertThat(browser.signIn(keycloak, "participant-bf", "BF", List.of("participant")).getStatus().value()).isEqualTo(302);
        browserCookies.put("sdn_lang", "en");

        // a page of the portal: it is handed the token its forms must carry, and the language, never the cookies
        var page = client.get().uri("/me/profile").accept(MediaType.TEXT_HTML).cookies(browser::sendCookies).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        browser.remember(page);
        String pageJson = page.getResponseBody();
        String csrf = pageJson.replaceAll(".*\"csrf\":\"([^\"]*)\".*", "$1");
        assertThat(csrf).isNotBlank().isNotEqualTo(browserCookies.get("XSRF-TOKEN")); // masked, not the cookie's value
        assertThat(pageJson).contains("\"lang\":\"en\"").contains("\"cookie\":\"\"")
                .contains("\"authorization\":\"Bearer " + keycloak.accessTokenOf("participant-bf") + "\"");

        // its form, posted without JavaScript: the body arrives whole
        String form = "_csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&city=Ouagadougou&phone=%2B22670000000";
        client.post().uri("/me/profile").cookies(browser::sendCookies)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(form)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.method").isEqualTo("POST").jsonPath("$.bodySize").isEqualTo(form.length());

        // an upload form (multipart, a file part after the token): the body arrives whole too
        var upload = new org.springframework.http.client.MultipartBodyBuilder();
        upload.part("_csrf", csrf);
        upload.part("file", new org.springframework.core.io.ByteArrayResource(("%PDF-1.4 " + "x".repeat(300_000)).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "dossier.pdf";
            }
        }).contentType(MediaType.APPLICATION_PDF);
        client.post().uri("/me/applications/a-1/attachment").cookies(browser::sendCookies)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(upload.build()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.bodySize").value(size -> assertThat(((Number) size).intValue()).isGreaterThan(300_000));
        var forged = new org.springframework.http.client.MultipartBodyBuilder();
        forged.part("_csrf", "forged");
        forged.part("note", "x");
        client.post().uri("/me/applications/a-1/attachment").cookies(browser::sendCookies)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(forged.build()))
                .exchange()
                .expectStatus().isForbidden();

        // the same form without the token, or with a forged one, never reaches it
        client.post().uri("/me/profile").cookies(browser::sendCookies)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("city=Ouagadougou")
                .exchange()
                .expectStatus().isForbidden();
        client.post().uri("/me/profile").cookies(browser::sendCookies)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=forged&city=Ouagadougou")
                .exchange()
                .expectStatus().isForbidden();
    }
}
