package ml.sdn.gateway.problems;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * What Spring Security's firewall refuses before anything else sees it (a path with "..", ";", an encoded
 * slash or a null byte; a method such as TRACE) is a problem like every other refusal, with the trace id,
 * instead of an empty 400.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

    private static final Set<HttpMethod> ACCEPTED_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    private final Problems problems;

    RejectedRequests(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        if (!ACCEPTED_METHODS.contains(exchange.getRequest().getMethod())) {
            return problems.write(exchange, Problems.problem(HttpStatus.METHOD_NOT_ALLOWED,
                    "The method " + exchange.getRequest().getMethod().name() + " is not accepted."));
        }
        return problems.write(exchange, Problems.problem(HttpStatus.BAD_REQUEST,
                "The address is not accepted: it holds a sequence that is refused (such as \"..\", \";\", an encoded slash or a null byte)."));
    }
}
