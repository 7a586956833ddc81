package ml.sdn.gateway.problems;

import com.mongodb.MongoException;
import ml.sdn.gateway.tracing.TraceIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * The one place where exceptions become responses: every status as problem+json, and a 500 that says
 * nothing about the internals (the trace id in the body and in the logs links the two).
 * Runs before Boot's default handler (order -1).
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final Problems problems;

    public ProblemErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ErrorResponse response) {
            return problems.write(exchange, problemOf(exchange, response), response.getHeaders());
        }
        if (error instanceof AuthenticationServiceException) {
            // the token could not be checked at all (Keycloak's keys unreachable): not the caller's fault
            log.warn("Cannot check a token on {} (trace {}): {}", exchange.getRequest().getPath(), TraceIdFilter.traceIdOf(exchange),
                    error.getMessage());
            return problems.write(exchange, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "Sign-in is temporarily unavailable, please retry later."));
        }
        if (error instanceof OAuth2AuthorizationException) {
            // the session's tokens could not be refreshed (revoked, expired at Keycloak)
            return problems.write(exchange, Problems.problem(HttpStatus.UNAUTHORIZED,
                    "Your session has expired, please sign in again."));
        }
        if (error instanceof InvalidMediaTypeException unreadable) {
            // e.g. an unknown charset ("application/json; charset=klingon"): the caller's header, not our fault
            return problems.write(exchange, Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type header cannot be read: " + unreadable.getMediaType()));
        }
        if (error instanceof DataAccessResourceFailureException || hasCause(error, MongoException.class)) {
            // the browser sessions' store is away (sessions/MongoWebSessions): pages wait for it, API calls with a token do not
            log.warn("Session store unavailable on {} (trace {}): {}", exchange.getRequest().getPath(), TraceIdFilter.traceIdOf(exchange),
                    error.toString());
            return problems.write(exchange, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "Sign-in is temporarily unavailable, please retry later."));
        }
        if (hasCause(error, ConnectException.class)) {
            return problems.write(exchange, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, defaultDetail(HttpStatus.SERVICE_UNAVAILABLE)));
        }
        if (error instanceof TimeoutException) {
            return problems.write(exchange, Problems.problem(HttpStatus.GATEWAY_TIMEOUT, "The service did not answer in time."));
        }
        log.error("Unexpected error on {} {} (trace {})", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                TraceIdFilter.traceIdOf(exchange), error);
        return problems.write(exchange, Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error."));
    }

    private static ProblemDetail problemOf(ServerWebExchange exchange, ErrorResponse response) {
        HttpStatusCode status = response.getStatusCode();
        ProblemDetail body = response.getBody();
        if (status.is5xxServerError() && !(response instanceof GatewayProblem)) {
            // framework messages may name hosts, ports or classes: keep them in the log only
            log.warn("{} answered as {} (trace {})", body.getDetail(), status.value(), TraceIdFilter.traceIdOf(exchange));
            return Problems.problem(status, defaultDetail(status));
        }
        return body;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String defaultDetail(HttpStatusCode status) {
        return status.value() == HttpStatus.GATEWAY_TIMEOUT.value()
                ? "The service did not answer in time."
                : status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()
                ? "The service is unavailable, please retry later."
                : "Unexpected error.";
    }
}
