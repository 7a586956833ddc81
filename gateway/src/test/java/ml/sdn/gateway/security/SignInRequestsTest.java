package ml.sdn.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The person's choices made in the portal travel to Keycloak on the authorization request. */
class SignInRequestsTest {

    private static final String AUTHORIZE = "http://localhost:8180/realms/sdn/protocol/openid-connect/auth";

    private final OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
            .authorizationUri(AUTHORIZE)
            .clientId("sdn-gateway")
            .redirectUri("http://localhost:8080/login/oauth2/code/keycloak")
            .state("s")
            .authorizationRequestUri(AUTHORIZE + "?response_type=code&client_id=sdn-gateway&state=s")
            .build();

    @Test
    void the_language_chosen_in_the_portal_becomes_ui_locales() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/oauth2/authorization/keycloak")
                .cookie(new HttpCookie("sdn_lang", "en")));

        OAuth2AuthorizationRequest sent = SignInRequests.forPerson(exchange, request);

        assertThat(sent.getAdditionalParameters()).containsEntry("ui_locales", "en");
        assertThat(sent.getAuthorizationRequestUri()).endsWith("&ui_locales=en").doesNotContain("prompt");
    }

    @Test
    void sign_up_in_english_opens_the_registration_form_in_english() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/oauth2/authorization/keycloak?signup")
                .cookie(new HttpCookie("sdn_lang", "en")));

        OAuth2AuthorizationRequest sent = SignInRequests.forPerson(exchange, request);

        assertThat(sent.getAdditionalParameters()).containsEntry("prompt", "create").containsEntry("ui_locales", "en");
        assertThat(sent.getAuthorizationRequestUri()).contains("&prompt=create").contains("&ui_locales=en");
    }

    @Test
    void without_a_choice_keycloak_keeps_its_french_default() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/oauth2/authorization/keycloak"));

        OAuth2AuthorizationRequest sent = SignInRequests.forPerson(exchange, request);

        assertThat(sent.getAdditionalParameters()).doesNotContainKeys("ui_locales", "prompt");
        assertThat(sent.getAuthorizationRequestUri()).isEqualTo(request.getAuthorizationRequestUri());
    }

    @Test
    void a_forged_language_cookie_never_reaches_the_uri() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/oauth2/authorization/keycloak")
                .cookie(new HttpCookie("sdn_lang", "en&prompt=none")));

        OAuth2AuthorizationRequest sent = SignInRequests.forPerson(exchange, request);

        assertThat(sent.getAdditionalParameters()).doesNotContainKey("ui_locales");
        assertThat(sent.getAuthorizationRequestUri()).isEqualTo(request.getAuthorizationRequestUri());
    }
}
