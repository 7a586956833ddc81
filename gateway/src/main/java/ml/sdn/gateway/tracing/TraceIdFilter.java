package ml.sdn.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Gives the caller the trace id of its request ({@code X-Trace-Id}), so that a problem report can be
 * matched with the log lines of the gateway and of the services (which receive it in {@code traceparent}).
 * First filter of all, so that even a 401 carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceIdFilter implements WebFilter {

    public static final String TRACE_ID_HEADER = "X-Trace-Id";
    public static final String TRACE_ID_ATTRIBUTE = TraceIdFilter.class.getName() + ".traceId";

    /**
     * The request's trace id for a log line ("" before this filter ran). The gateway's own log lines name it
     * themselves: Reactor's context propagation is limited (application.yml), so the MDC of a reactive
     * thread does not carry it.
     */
    public static String traceIdOf(ServerWebExchange exchange) {
        String traceId = exchange.getAttribute(TRACE_ID_ATTRIBUTE);
        return traceId == null ? "" : traceId;
    }

    /** The trace context of the request's own span (the server observation's), if tracing started one. */
    static Optional<TraceContext> requestSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceId = requestSpan(exchange).map(TraceContext::traceId).orElse(null);
        if (traceId != null) {
            exchange.getAttributes().put(TRACE_ID_ATTRIBUTE, traceId);
            exchange.getResponse().getHeaders().set(TRACE_ID_HEADER, traceId);
        }
        return chain.filter(exchange);
    }
}
