package ml.sdn.platform.security;

import ml.sdn.platform.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.client.RestTemplate;

import java.time.Duration;
import java.util.List;

/**
 * The one security set-up of every service: a stateless resource server trusting the Keycloak realm
 * (issuer, signature, expiry and audience checked by Boot's JwtDecoder), realm roles as
 * {@code ROLE_<role>}, open health probes, metrics and OpenAPI document, everything else authenticated;
 * 401/403 as problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class PlatformSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformSecurityConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new KeycloakRoles());
        converter.setPrincipalClaimName("sub");
        return converter;
    }

    /**
     * What the security firewall refuses before any filter (a path with "..", ";", an encoded slash or a null
     * byte): a 400 problem like every other refusal, not Boot's error document.
     */
    @Bean
    RequestRejectedHandler requestRejectedAsProblem(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST, "sdn.problem.rejected-address");
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JwtAuthenticationConverter converter,
                                                    ProblemWriter problems,
                                                    @Value("${sdn.service.api-prefix}") String apiPrefix,
                                                    Environment environment) throws Exception {
        // a YAML list: @Value cannot read one, the Binder can
        List<String> publicGetPaths = Binder.get(environment)
                .bind("sdn.security.public-get-paths", Bindable.listOf(String.class)).orElse(List.of());
        AuthenticationEntryPoint unauthorized = unauthorized(problems);
        AccessDeniedHandler forbidden = forbidden(problems);
        http
                .csrf(AbstractHttpConfigurer::disable) // bearer tokens only, no cookies
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // scraped by Prometheus on the service's own port, which the gateway never routes
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").permitAll()
                        .requestMatchers(apiPrefix + "/openapi", apiPrefix + "/openapi/**", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // what a service declares public (e.g. published results): read without signing in
                        .requestMatchers(publicGetPaths.stream().map(path -> PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.GET, path)).toArray(RequestMatcher[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(tokenFailures(unauthorized, problems));
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * Keycloak's keys fetched with time to answer: Spring's default is Nimbus's 500 ms, which a busy identity
     * provider or machine misses at the first bearer request after a start and at each refetch every 5 minutes,
     * and the request failed (most likely what gave CI's RescheduleIT its 500 on 4b6a1c7).
     */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer keysWithTimeToAnswer(@Value("${sdn.security.jwks-timeout:5s}") Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        RestTemplate keys = new RestTemplate(requests);
        return builder -> builder.restOperations(keys);
    }

    /**
     * A token that could not be checked because the keys were out of reach is no fault of its bearer: 503 with
     * Retry-After (which the gateway sends again for a read), not 401, and not the 500 that Spring gives by default.
     */
    private static AuthenticationFailureHandler tokenFailures(AuthenticationEntryPoint unauthorized, ProblemWriter problems) {
        return (request, response, exception) -> {
            if (exception instanceof AuthenticationServiceException) {
                log.warn("Bearer token not checked, the identity provider's keys are out of reach: {}", exception.toString());
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "sdn.problem.sign-in-unavailable");
            } else {
                unauthorized.commence(request, response, exception);
            }
        };
    }

    private static AuthenticationEntryPoint unauthorized(ProblemWriter problems) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception); // keeps the RFC 6750 WWW-Authenticate header
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "sdn.problem.unauthorized");
        };
    }

    private static AccessDeniedHandler forbidden(ProblemWriter problems) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            problems.write(request, response, HttpStatus.FORBIDDEN, "sdn.problem.forbidden");
        };
    }

}
