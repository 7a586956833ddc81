package ml.sdn.gateway.routing;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import ml.sdn.gateway.GatewayProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.time.Duration;

/** The routes themselves are in application.yml; here is what happens when a service fails. */
@Configuration(proxyBeanMethods = false)
class RoutingConfig {

    /** Only reached by the circuit breakers' {@code forward:}; Spring Security refuses it from outside. */
    @Bean
    RouterFunction<ServerResponse> serviceFallbacks() {
        return RouterFunctions.route(RequestPredicates.path("/fallback/{service}"), ServiceFallback::handle);
    }

    /**
     * The breakers come with a bulkhead per route (Resilience4j's semaphore: 25 calls in flight, no waiting),
     * which turned the 26th concurrent request to a healthy service into a 503. The limit stays, as a bound
     * on what a slow service can hold at the gateway, at {@code circuit-breaker.max-concurrent-calls}.
     */
    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> bulkheadDefaults(GatewayProperties properties) {
        BulkheadConfig bulkhead = BulkheadConfig.custom()
                .maxConcurrentCalls(properties.circuitBreaker().maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build();
        return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(bulkhead).build());
    }

    /**
     * One breaker per route. Its time limit is a safety net just above the route's response timeout (the
     * HTTP client's, or the portal route's own), which fires first and becomes a 504.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(
            GatewayProperties properties,
            @Value("${spring.cloud.gateway.server.webflux.httpclient.response-timeout}") Duration responseTimeout,
            @Value("${sdn.gateway.portal-response-timeout-ms}") long portalResponseTimeoutMs) {
        GatewayProperties.CircuitBreaker breaker = properties.circuitBreaker();
        CircuitBreakerConfig opening = CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .build();
        Duration portalResponseTimeout = Duration.ofMillis(portalResponseTimeoutMs);
        return factory -> {
            factory.configureDefault(id -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(opening)
                    .timeLimiterConfig(limit(responseTimeout)).build());
            factory.configure(builder -> builder.circuitBreakerConfig(opening).timeLimiterConfig(limit(portalResponseTimeout)),
                    "portal");
        };
    }

    private static TimeLimiterConfig limit(Duration responseTimeout) {
        return TimeLimiterConfig.custom().timeoutDuration(responseTimeout.plusSeconds(1)).build();
    }
}
