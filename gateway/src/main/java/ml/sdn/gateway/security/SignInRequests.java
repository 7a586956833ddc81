package ml.sdn.gateway.security;

import org.springframework.http.HttpCookie;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * What the gateway adds to the authorization request it sends the browser to Keycloak with:
 * <ul>
 *   <li>{@code /oauth2/authorization/keycloak?signup} opens Keycloak on its registration form (OIDC
 *   {@code prompt=create}) instead of the login form: the portal's "create an account" button;</li>
 *   <li>the language chosen in the portal (the {@code sdn_lang} cookie) as {@code ui_locales}, so that
 *   Keycloak's pages, and the e-mails it sends, speak it. Keycloak then keeps it as the person's
 *   {@code locale}, which comes back in the tokens.</li>
 * </ul>
 * And after a sign-up, the person lands on their profile form (what to do first), not on the page they came from.
 */
final class SignInRequests {

    static final String LANG_COOKIE = "sdn_lang";
    /** The portal's profile form, where a new account starts. */
    static final String PROFILE_FORM = "/me/profile";
    private static final String SIGNING_UP = SignInRequests.class.getName() + ".signingUp";
    private static final Set<String> LANGUAGES = Set.of("fr", "en");

    private SignInRequests() {
    }

    static ServerOAuth2AuthorizationRequestResolver resolver(ReactiveClientRegistrationRepository registrations) {
        var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        return new ServerOAuth2AuthorizationRequestResolver() {
            @Override
            public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
                return resolver.resolve(exchange).flatMap(request -> remember(exchange).thenReturn(forPerson(exchange, request)));
            }

            @Override
            public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String registrationId) {
                return resolver.resolve(exchange, registrationId)
                        .flatMap(request -> remember(exchange).thenReturn(forPerson(exchange, request)));
            }
        };
    }

    /** A sign-up is remembered in the session (which already holds the authorization request) until it succeeds. */
    private static Mono<Void> remember(ServerWebExchange exchange) {
        if (!isSignUp(exchange)) {
            return Mono.empty();
        }
        return exchange.getSession().doOnNext(session -> session.getAttributes().put(SIGNING_UP, Boolean.TRUE)).then();
    }

    private static boolean isSignUp(ServerWebExchange exchange) {
        return exchange.getRequest().getQueryParams().containsKey("signup");
    }

    /** After a sign-up, the profile form; after a sign-in, the page that asked for it (or the home page). */
    static ServerAuthenticationSuccessHandler afterSignIn(ServerRequestCache requestCache) {
        var usual = new RedirectServerAuthenticationSuccessHandler();
        usual.setRequestCache(requestCache);
        var toProfile = new RedirectServerAuthenticationSuccessHandler(PROFILE_FORM);
        return (filterExchange, authentication) -> filterExchange.getExchange().getSession().flatMap(session ->
                session.getAttributes().remove(SIGNING_UP) != null
                        ? toProfile.onAuthenticationSuccess(filterExchange, authentication)
                        : usual.onAuthenticationSuccess(filterExchange, authentication));
    }

    /** The request with the person's choices; the URI is extended as the parameters are (it was built before). */
    static OAuth2AuthorizationRequest forPerson(ServerWebExchange exchange, OAuth2AuthorizationRequest request) {
        StringBuilder uri = new StringBuilder(request.getAuthorizationRequestUri());
        OAuth2AuthorizationRequest.Builder builder = OAuth2AuthorizationRequest.from(request);
        if (isSignUp(exchange)) {
            builder.additionalParameters(parameters -> parameters.put("prompt", "create"));
            uri.append("&prompt=create");
        }
        HttpCookie lang = exchange.getRequest().getCookies().getFirst(LANG_COOKIE);
        if (lang != null && LANGUAGES.contains(lang.getValue())) { // only known values reach the URI
            builder.additionalParameters(parameters -> parameters.put("ui_locales", lang.getValue()));
            uri.append("&ui_locales=").append(lang.getValue());
        }
        return builder.authorizationRequestUri(uri.toString()).build();
    }
}
