package ml.sdn.portal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

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
    static final String[] PUBLIC_PAGES = {"/", "/results", "/lang", "/signup", "/assets/**", "/favicon.ico", "/error"};

    @Bean
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
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
                        .requestMatchers(HttpMethod.GET, PUBLIC_PAGES).permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(converter)))
                .headers(headers -> headers.cacheControl(cache -> { }))
                .build();
    }
}
