package ml.sdn.gateway.security;

import ml.sdn.gateway.problems.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Spring's CORS filter, except that a refused origin gets a 403 problem instead of an empty body. */
final class ProblemCorsFilter implements WebFilter {

    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final Problems problems;

    ProblemCorsFilter(CorsConfigurationSource source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!processor.process(source.getCorsConfiguration(exchange), exchange)) {
            return problems.write(exchange, Problems.problem(HttpStatus.FORBIDDEN,
                    "Cross-origin request refused: origin " + exchange.getRequest().getHeaders().getOrigin() + " is not allowed."));
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
