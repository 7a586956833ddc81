package ml.sdn.gateway.portal;

import ml.sdn.gateway.problems.GatewayProblem;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * A form posted by a browser (the portal's pages work without JavaScript) carries its CSRF token in the
 * body, as {@code _csrf}. Spring Security reads it with {@code exchange.getFormData()}, which consumes the
 * body, and the gateway would then have nothing left to forward: the request hung (spring-security#8026).
 * So a URL-encoded body is read once, here, before security, and both the form data and the forwarded
 * body are served from that copy. Such forms are small: past {@link #MAX_FORM_BYTES} the answer is a 413.
 */
@Component
@Order(-200) // before the rate limits (-150) and Spring Security (-100)
class FormBodyCache implements WebFilter {

    static final int MAX_FORM_BYTES = 256 * 1024;

    private static final FormHttpMessageReader FORM_READER = new FormHttpMessageReader();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_FORM_BYTES)
                .map(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, tooBig -> new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE,
                        "A form may carry at most " + MAX_FORM_BYTES / 1024 + " KB."))
                .flatMap(bytes -> chain.filter(replaying(exchange, bytes)));
    }

    private static ServerWebExchange replaying(ServerWebExchange exchange, byte[] bytes) {
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
            }
        };
        Mono<MultiValueMap<String, String>> formData = FORM_READER
                .readMono(ResolvableType.forClass(MultiValueMap.class), request, Map.of())
                .cache();
        return new ServerWebExchangeDecorator(exchange) {
            @Override
            public ServerHttpRequest getRequest() {
                return request;
            }

            @Override
            public Mono<MultiValueMap<String, String>> getFormData() {
                return formData;
            }
        };
    }
}
