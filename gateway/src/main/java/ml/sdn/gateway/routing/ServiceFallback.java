package ml.sdn.gateway.routing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import ml.sdn.gateway.problems.GatewayProblem;
import ml.sdn.gateway.tracing.TraceIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.concurrent.TimeoutException;

/**
 * Where a route's circuit breaker sends a call that failed: a slow service becomes a 504 problem, a
 * service that is down (refused, unreachable, circuit open) a 503 problem, both at once rather than a
 * hanging request. A 4xx raised by the gateway while streaming (e.g. a body too large) stays what it is.
 */
final class ServiceFallback {

    private static final Logger log = LoggerFactory.getLogger(ServiceFallback.class);

    private ServiceFallback() {
    }

    static Mono<ServerResponse> handle(ServerRequest request) {
        String service = request.pathVariable("service");
        Throwable failure = request.exchange().getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        ErrorResponse clientError = clientErrorIn(failure);
        if (clientError instanceof Throwable error) {
            return Mono.error(error);
        }
        if (isTimeout(failure)) {
            return Mono.error(new GatewayProblem(HttpStatus.GATEWAY_TIMEOUT,
                    "The " + service + " service did not answer in time."));
        }
        String why = failure instanceof CallNotPermittedException ? " (too many recent failures)" : "";
        // the caller gets no detail; the operator needs the cause (a refused connection, a connection the
        // service closed under the request, an open breaker) to tell a down service from a gateway fault
        log.warn("503 (trace {}): the {} service failed: {}", TraceIdFilter.traceIdOf(request.exchange()), service,
                String.valueOf(failure));
        return Mono.error(new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE,
                "The " + service + " service is unavailable" + why + ", please retry later."));
    }

    private static ErrorResponse clientErrorIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
                return response;
            }
        }
        return null;
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof ErrorResponse response
                    && response.getStatusCode().isSameCodeAs(HttpStatusCode.valueOf(HttpStatus.GATEWAY_TIMEOUT.value()))) {
                return true;
            }
        }
        return false;
    }
}
