package ml.sdn.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The portal is a resource server like the services: the gateway relays the signed-in user's access
 * token and the portal checks it again (issuer, signature, expiry, audience). No session, no cookie of
 * its own except the language; CSRF is the gateway's job (it guards the session cookie), so forms carry
 * the gateway's token ({@link PortalModel#csrf}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class PortalSecurity {

    /** Pages anyone may read; everything else needs a signed-in user (the gateway sends others to Keycloak). */
    static final String[] PUBLIC_PAGES = {"/", "/results", "/programme", "/lang", "/signup", "/assets/**", "/favicon.ico", "/error"};

    static final String SIGN_IN = "/oauth2/authorization/keycloak";

    @Bean
    SecurityFilterChain pageSecurity(HttpSecurity http,
                                     @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> pages)
            throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> CurrentUser.rolesOf(jwt).stream()
                .<org.springframework.security.core.GrantedAuthority>map(role ->
                        new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + role))
                .toList());
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // scraped by Prometheus on the portal's own port, which the gateway never routes
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_PAGES).permitAll()
                        .requestMatchers("/error").permitAll()
                        // an address no page answers: "page not found" with the header, for visitors too
                        .requestMatchers(noPageAnswers(pages)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(signInForPages()))
                .headers(headers -> headers.cacheControl(cache -> { }))
                .build();
    }

    /** A GET for which no controller of the portal has a page (the static resources are public already). */
    private static RequestMatcher noPageAnswers(ObjectProvider<RequestMappingHandlerMapping> pages) {
        return request -> {
            if (!HttpMethod.GET.matches(request.getMethod())) {
                return false;
            }
            Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
            ServletRequestPathUtils.parseAndCache(request);
            try {
                return pages.getObject().getHandler(request) == null;
            } catch (Exception knownAddressOtherwise) {
                return false; // a page answers this address, not this way (method, parameters): not "not found"
            } finally {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
            }
        };
    }

    /**
     * A page of the signed-in areas reached without a token (the gateway sends visitors of its signed-in paths to
     * sign in itself; this covers a page outside them): to the gateway's sign-in. Anything else: the 401 of a
     * resource server.
     */
    private static AuthenticationEntryPoint signInForPages() {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, failure) -> {
            if (isPageVisit(request)) {
                response.sendRedirect(SIGN_IN);
            } else {
                bearer.commence(request, response, failure);
            }
        };
    }

    private static boolean isPageVisit(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return HttpMethod.GET.matches(request.getMethod()) && accept != null
                && MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML)
                && !type.isWildcardType());
    }
}
