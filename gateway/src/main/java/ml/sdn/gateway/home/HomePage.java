package ml.sdn.gateway.home;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;
import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * A minimal page of the gateway itself: who the gateway thinks you are (name, country, roles), links to
 * each service's identity echo, and the logout button. Plain HTML, no script: it works on any phone.
 */
@Configuration(proxyBeanMethods = false)
class HomePage {

    /** The portal has {@code /}; this page stays as the gateway's own "who am I to the gateway" check. */
    static final String PATH = "/session";

    @Bean
    RouterFunction<ServerResponse> homePageRoute() {
        return route(GET(PATH), HomePage::render);
    }

    private static Mono<ServerResponse> render(ServerRequest request) {
        Mono<CsrfToken> csrf = request.exchange().getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return request.principal()
                .cast(Authentication.class)
                .zipWith(csrf.map(CsrfToken::getToken).defaultIfEmpty(""))
                .flatMap(userAndCsrf -> ServerResponse.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .bodyValue(html(userAndCsrf.getT1(), userAndCsrf.getT2())));
    }

    private static String html(Authentication user, String csrfToken) {
        Map<String, Object> claims = claimsOf(user);
        String name = String.valueOf(claims.getOrDefault("preferred_username", user.getName()));
        String country = String.valueOf(claims.getOrDefault("country", "?"));
        String roles = String.join(", ", user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .toList());
        return """
                <!doctype html>
                <html lang="fr"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Semaine du Numérique</title></head>
                <body>
                <h1>Semaine du Numérique</h1>
                <p>Connecté·e en tant que <strong>%s</strong> (pays : %s ; rôles : %s).</p>
                <ul>
                <li><a href="/api/registrations/whoami">Inscriptions</a></li>
                <li><a href="/api/competitions/whoami">Compétitions</a></li>
                <li><a href="/api/incubation/whoami">Incubation</a></li>
                <li><a href="/api/notifications/whoami">Notifications</a></li>
                </ul>
                <form method="post" action="/logout"><input type="hidden" name="_csrf" value="%s">
                <button type="submit">Se déconnecter</button></form>
                </body></html>
                """.formatted(htmlEscape(name), htmlEscape(country), htmlEscape(roles), htmlEscape(csrfToken));
    }

    private static Map<String, Object> claimsOf(Authentication user) {
        if (user instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getClaims();
        }
        if (user.getPrincipal() instanceof OidcUser oidc) {
            return oidc.getClaims();
        }
        return Map.of();
    }
}
