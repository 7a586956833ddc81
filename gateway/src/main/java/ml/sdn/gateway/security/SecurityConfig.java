package ml.sdn.gateway.security;

import ml.sdn.gateway.limits.AnonymousRateLimitFilter;
import ml.sdn.gateway.limits.FailedTokens;
import ml.sdn.gateway.GatewayProperties;
import ml.sdn.gateway.problems.Problems;
import ml.sdn.gateway.tracing.TraceIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway is two things to Keycloak: an OAuth2 client for browsers (authorization code + PKCE, the
 * tokens kept in the session and relayed downstream) and a resource server for API callers with a
 * bearer token. Signed-in pages without a session go to the Keycloak login; {@code /api/**} gets a 401 problem.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    static final String REGISTRATION_ID = "keycloak";
    static final String AUDIENCE = "sdn-api";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, Problems problems, GatewayProperties properties,
                                                  ReactiveClientRegistrationRepository clientRegistrations,
                                                  FailedTokens failedTokens, Environment environment) {
        ServerWebExchangeMatcher managementPort = new ManagementPort(environment);
        ServerRequestCache requestCache = pageRequestCache();
        ServerAuthenticationEntryPoint entryPoint = entryPoint(problems, requestCache);
        ServerAccessDeniedHandler accessDenied = (exchange, denied) -> problems.write(exchange,
                Problems.problem(HttpStatus.FORBIDDEN, "Access denied."));
        var logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(clientRegistrations);
        // the home page then says "you are signed out"
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/?signedOut");
        logoutSuccess.setLogoutSuccessUrl(URI.create("/?signedOut")); // sessions that did not come from Keycloak

        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        // metrics for Prometheus: only on the management port, which is never published. Nothing
                        // else there: the routes would answer any other path on that port too (the portal's /**)
                        .matchers(new AndServerWebExchangeMatcher(managementPort, ServerWebExchangeMatchers.pathMatchers(
                                HttpMethod.GET, "/actuator/prometheus", "/actuator/health", "/actuator/health/**"))).permitAll()
                        .matchers(managementPort).denyAll()
                        .pathMatchers("/actuator/**", "/fallback/**").denyAll()
                        .pathMatchers(HttpMethod.GET, properties.publicGetPaths().toArray(String[]::new)).permitAll()
                        .pathMatchers(properties.signedInPagePaths().toArray(String[]::new)).authenticated()
                        // any other page address: the portal shows "page not found" (with its header) to visitors too,
                        // rather than a sign-in for a page that does not exist
                        .matchers(exchange -> HttpMethod.GET.equals(exchange.getRequest().getMethod()) && isPageRequest(exchange)
                                ? MatchResult.match() : MatchResult.notMatch()).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthentication()))
                        .authenticationEntryPoint(entryPoint)
                        .authenticationFailureHandler((filterExchange, failure) -> {
                            if (failure instanceof AuthenticationServiceException) { // the keys could not be fetched: not the caller's fault
                                return problems.write(filterExchange.getExchange(), Problems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                                        "Sign-in is temporarily unavailable, please retry later."));
                            }
                            failedTokens.count(filterExchange.getExchange());
                            return entryPoint.commence(filterExchange.getExchange(), failure);
                        })
                        .accessDeniedHandler(accessDenied))
                .securityContextRepository(sessionsForBrowsersOnly())
                .requestCache(cache -> cache.requestCache(requestCache))
                .oauth2Login(login -> login
                        .authenticationFailureHandler(loginFailure())
                        .authenticationSuccessHandler(SignInRequests.afterSignIn(requestCache))
                        .authorizationRequestResolver(SignInRequests.resolver(clientRegistrations)))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .requireCsrfProtectionMatcher(CSRF_NEEDED)
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange,
                                Problems.problem(HttpStatus.FORBIDDEN, "Missing or invalid CSRF token."))))
                .addFilterAfter(renderCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .addFilterAt(new ProblemCorsFilter(corsConfiguration(properties), problems), SecurityWebFiltersOrder.CORS)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(properties.contentSecurityPolicy()))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .build();
    }

    /**
     * Bearer callers are stateless: their requests never look up, nor create, a web session. Creating one
     * (an unsaved session per API request) draws a random id off the event loop and comes back on another
     * thread: two thread switches per request, which the gateway's profile under load showed.
     */
    private static ServerSecurityContextRepository sessionsForBrowsersOnly() {
        var sessions = new WebSessionServerSecurityContextRepository();
        return new ServerSecurityContextRepository() {
            @Override
            public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
                return AnonymousRateLimitFilter.hasBearerToken(exchange) ? Mono.empty() : sessions.save(exchange, context);
            }

            @Override
            public Mono<SecurityContext> load(ServerWebExchange exchange) {
                return AnonymousRateLimitFilter.hasBearerToken(exchange) ? Mono.empty() : sessions.load(exchange);
            }
        };
    }

    /** Spring Security's firewall, its rules checked without regular expressions ({@link FirewallChecks}). */
    @Bean
    ServerWebExchangeFirewall firewall() {
        return FirewallChecks.firewall();
    }

    /**
     * Spring Security's own observations (one per filter of the chain, per authentication, per authorization)
     * cost a large share of the gateway's CPU per request and add nothing an operator reads: the request's
     * own observation (its trace id, X-Trace-Id, traceparent to the services) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Back to the login page, with the reason in the log (Keycloak's answer, a bad state or nonce…). */
    private static ServerAuthenticationFailureHandler loginFailure() {
        var redirect = new RedirectServerAuthenticationFailureHandler("/login?error");
        return (exchange, failure) -> {
            log.warn("Browser sign-in failed (trace {}): {}", TraceIdFilter.traceIdOf(exchange.getExchange()), failure.getMessage());
            return redirect.onAuthenticationFailure(exchange, failure);
        };
    }

    /** A page request (asks for HTML, outside /api) goes to the Keycloak login; anything else gets a 401 problem. */
    private static ServerAuthenticationEntryPoint entryPoint(Problems problems, ServerRequestCache requestCache) {
        var login = new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION_ID);
        login.setRequestCache(requestCache);
        return (exchange, failure) -> {
            if (isPageRequest(exchange)) {
                return login.commence(exchange, failure);
            }
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return problems.write(exchange, Problems.problem(HttpStatus.UNAUTHORIZED,
                    "Sign in, or send a valid bearer token (issuer, audience, signature and expiry are checked)."), headers);
        };
    }

    /**
     * Only a page visit (GET, asks for HTML, outside /api) is remembered for after the sign-in: saving it
     * starts a session, which an API call or a form post must never do.
     */
    private static ServerRequestCache pageRequestCache() {
        var cache = new WebSessionServerRequestCache();
        cache.setSaveRequestMatcher(exchange -> HttpMethod.GET.equals(exchange.getRequest().getMethod()) && isPageRequest(exchange)
                ? MatchResult.match() : MatchResult.notMatch());
        return cache;
    }

    private static boolean isPageRequest(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return !path.startsWith("/api/") && exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    /**
     * Only cookie sessions need CSRF protection on unsafe methods: another site can make a browser send its
     * cookies, never a bearer token. A write with neither carries no credentials to abuse, so it meets the
     * 401 and its sign-in hint, not a CSRF refusal that would tell an API client the wrong thing.
     */
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    /** WebFlux's session cookie (server.reactive.session.cookie.name is left at its default). */
    static final String SESSION_COOKIE = "SESSION";
    private static final ServerWebExchangeMatcher CSRF_NEEDED = exchange ->
            !SAFE.contains(exchange.getRequest().getMethod()) && !AnonymousRateLimitFilter.hasBearerToken(exchange)
                    && exchange.getRequest().getCookies().containsKey(SESSION_COOKIE)
                    ? MatchResult.match() : MatchResult.notMatch();

    /** The CSRF token is lazy: subscribe to it so that browser sessions always receive the XSRF-TOKEN cookie. */
    private static WebFilter renderCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null || AnonymousRateLimitFilter.hasBearerToken(exchange) ? chain.filter(exchange) : token.then(chain.filter(exchange));
        };
    }

    /**
     * Signature (keys fetched lazily from the JWK set URI, so startup does not need Keycloak, and turned into
     * verifiers once: {@link KeycloakSigningKeys}), expiry,
     * issuer and audience. Keys that cannot be fetched are the gateway's problem, not the caller's:
     * that becomes a 503, never a 401. An accepted token's answer is kept until it expires ({@link VerifiedTokens}).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(KeycloakProperties keycloak, Clock clock,
                                  @Value("${GATEWAY_VERIFIED_TOKENS:2000}") long verifiedTokens) {
        NimbusReactiveJwtDecoder decoder = new NimbusReactiveJwtDecoder(new KeycloakSigningKeys(keycloak.jwkSetUri()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(keycloak.issuerUri()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(AUDIENCE))));
        ReactiveJwtDecoder checks = token -> Mono.defer(() -> decoder.decode(token)).onErrorMap(error -> !(error instanceof JwtException),
                error -> new JwtException("Cannot check the token now: " + error.getMessage(), error));
        return new VerifiedTokens(checks, clock, verifiedTokens);
    }

    private static ReactiveJwtAuthenticationConverterAdapter jwtAuthentication() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> KeycloakRoles.fromClaims(jwt.getClaims()));
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /**
     * Signed-in browser users get their realm roles too. The gateway never reads the access token of a
     * session user: the realm maps {@code realm_access.roles} into the ID token and userinfo for client
     * {@code sdn-gateway} (identity/realm-sdn.json), and both are read here.
     */
    @Bean
    GrantedAuthoritiesMapper keycloakRolesForBrowserUsers() {
        return authorities -> {
            Collection<GrantedAuthority> mapped = new ArrayList<>(authorities);
            authorities.stream()
                    .filter(OidcUserAuthority.class::isInstance)
                    .map(OidcUserAuthority.class::cast)
                    .forEach(oidc -> {
                        mapped.addAll(KeycloakRoles.fromClaims(oidc.getIdToken().getClaims()));
                        if (oidc.getUserInfo() != null) {
                            mapped.addAll(KeycloakRoles.fromClaims(oidc.getUserInfo().getClaims()));
                        }
                    });
            return mapped.stream().distinct().toList();
        };
    }

    /**
     * Built here rather than from Boot's {@code issuer-uri}, which would fetch Keycloak's discovery document
     * at startup. The browser goes to the issuer's host; the gateway uses the back channel.
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuerUri())
                .authorizationUri(keycloak.frontChannel("auth"))
                .tokenUri(keycloak.backChannel("token"))
                .userInfoUri(keycloak.backChannel("userinfo"))
                .jwkSetUri(keycloak.jwkSetUri())
                .userNameAttributeName("preferred_username")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.frontChannel("logout")))
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** Tokens live in the web session, so they go away with it (logout, expiry). */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    private static UrlBasedCorsConfigurationSource corsConfiguration(GatewayProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins().stream().map(String::trim).filter(o -> !o.isEmpty()).toList());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                HttpHeaders.ACCEPT_LANGUAGE, "X-XSRF-TOKEN", "traceparent",
                "Idempotency-Key")); // the services replay a creating POST retried with the same key (platform contract)
        cors.setExposedHeaders(List.of("X-Trace-Id", HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, "Idempotent-Replayed"));
        cors.setAllowCredentials(true);
        cors.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
