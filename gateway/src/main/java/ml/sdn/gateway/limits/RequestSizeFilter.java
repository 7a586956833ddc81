package ml.sdn.gateway.limits;

import ml.sdn.gateway.GatewayProperties;
import ml.sdn.gateway.problems.GatewayProblem;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses request bodies over {@code sdn.gateway.max-request-size} with a 413 problem: at once when the
 * declared Content-Length is too big, and while streaming when a chunked body grows past the limit.
 */
@Component
@Order(-40) // after Spring Security (-100) and the rate limit
public class RequestSizeFilter implements WebFilter {

    private final DataSize max;

    public RequestSizeFilter(GatewayProperties properties) {
        this.max = properties.maxRequestSize();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > max.toBytes()) {
            return Mono.error(tooLarge());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        var limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong read = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (read.addAndGet(buffer.readableByteCount()) > max.toBytes()) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private GatewayProblem tooLarge() {
        return new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + max + ".");
    }
}
