package ml.sdn.gateway.health;

import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The gateway's liveness and readiness probes on its public port, where compose's health check, the image's
 * HEALTHCHECK, the local stack, the benchmark and a load balancer ask for them, although the actuator itself
 * listens on the management port (docs/decisions/0017). They answer what the actuator's probes answer (200
 * or 503, the status only), and nothing else of the actuator is reachable here. Boot's own
 * {@code additional-path} takes one path segment only ({@code /readyz}), which would move every caller.
 */
@Configuration(proxyBeanMethods = false)
class PublicHealthProbes {

    @Bean
    RouterFunction<ServerResponse> livenessAndReadinessOnThePublicPort(ReactiveHealthEndpointWebExtension health) {
        return RouterFunctions.route()
                .GET("/actuator/health/liveness", request -> probe(health, "liveness"))
                .GET("/actuator/health/readiness", request -> probe(health, "readiness"))
                .build();
    }

    private static Mono<ServerResponse> probe(ReactiveHealthEndpointWebExtension health, String group) {
        return health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, group)
                .flatMap(answer -> ServerResponse.status(HttpStatus.valueOf(answer.getStatus()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("status", answer.getBody() == null ? "UNKNOWN" : answer.getBody().getStatus().getCode())));
    }
}
