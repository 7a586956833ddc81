package ml.sdn.gateway.problems;

import ml.sdn.gateway.tracing.TraceIdFilter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes every error the gateway produces itself as {@code application/problem+json} (RFC 9457). */
@Component
public class Problems {

    /** Bodies up to this size are read and dropped before a refusal is answered (see {@link #drainSmallBody}). */
    static final long DRAINED_BODY_LIMIT = 64 * 1024;

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatusCode status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return write(exchange, problem, HttpHeaders.EMPTY);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders extraHeaders) {
        return drainSmallBody(exchange).then(Mono.defer(() -> answer(exchange, problem, extraHeaders)));
    }

    /**
     * A refusal often comes before the request's body was read (a bad Content-Type, a bad token, too many
     * requests). A connection closed with unread bytes is reset, and the reset can take the answer with it:
     * the client then sees "connection reset" instead of the problem. So a small declared body is read and
     * dropped first; a large one is not worth reading for a refusal.
     */
    private static Mono<Void> drainSmallBody(ServerWebExchange exchange) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length <= 0 || length > DRAINED_BODY_LIMIT) {
            return Mono.empty();
        }
        return exchange.getRequest().getBody()
                .doOnNext(DataBufferUtils::release)
                .then()
                .onErrorResume(alreadyRead -> Mono.empty()); // consumed before (forwarded, or read by a filter)
    }

    private Mono<Void> answer(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().putAll(extraHeaders);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(asMap(exchange, problem));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private static String titleOf(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    private static Map<String, Object> asMap(ServerWebExchange exchange, ProblemDetail problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", problem.getType() != null ? problem.getType().toString() : "about:blank");
        map.put("title", problem.getTitle() != null ? problem.getTitle() : titleOf(problem.getStatus()));
        map.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            map.put("detail", problem.getDetail());
        }
        URI instance = problem.getInstance() != null ? problem.getInstance() : exchange.getRequest().getURI();
        map.put("instance", instance.getRawPath());
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        String traceId = exchange.getAttribute(TraceIdFilter.TRACE_ID_ATTRIBUTE);
        if (traceId != null) {
            map.put("traceId", traceId);
        }
        return map;
    }
}
