package ml.sdn.gateway.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.cloud.gateway.filter.headers.observation.ObservedRequestHttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.observation.ObservedResponseHttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * When no span is recorded (the default: {@code management.tracing.sampling.probability} 0, no collector), the
 * call to the service is not observed on its own: the service still receives the request's trace context in
 * {@code traceparent} (the gateway's request span as parent, unsampled), so its log lines carry the trace id
 * the caller sees in {@code X-Trace-Id}. Spring Cloud Gateway's observation of that call (a child span, a timer
 * nobody reads: the per-route timers are {@code spring_cloud_gateway_requests_seconds}) started and stopped for
 * every request was 7 % of the gateway's CPU under load. With a share of requests recorded, these beans are
 * absent and Spring Cloud Gateway's own filters make the routed call a span of the exported trace, as before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${management.tracing.sampling.probability:0.0} <= 0")
class RoutedCallTracing {

    @Bean
    ObservedRequestHttpHeadersFilter observedRequestHttpHeadersFilter(ObservationRegistry registry, Propagator propagator) {
        return new ObservedRequestHttpHeadersFilter(registry) {
            @Override
            public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
                return TraceIdFilter.requestSpan(exchange).map(context -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.putAll(input);
                    propagator.inject(context, headers, HttpHeaders::set);
                    return headers;
                }).orElse(input);
            }
        };
    }

    /** Nothing was started for the routed call, so nothing to stop when its answer comes. */
    @Bean
    ObservedResponseHttpHeadersFilter observedResponseHttpHeadersFilter() {
        return new ObservedResponseHttpHeadersFilter() {
            @Override
            public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
                return input;
            }
        };
    }
}
