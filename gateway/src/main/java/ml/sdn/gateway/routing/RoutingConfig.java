package ml.sdn.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import ml.sdn.gateway.GatewayProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
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
     * One breaker per route. Its time limit is a safety net just above the HTTP client's response
     * timeout, which fires first and becomes a 504.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(
            GatewayProperties properties,
            @Value("${spring.cloud.gateway.server.webflux.httpclient.response-timeout}") Duration responseTimeout) {
        GatewayProperties.CircuitBreaker breaker = properties.circuitBreaker();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(breaker.failureRateThreshold())
                        .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                        .waitDurationInOpenState(breaker.waitInOpenState())
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(responseTimeout.plusSeconds(1)).build())
                .build());
    }
}
