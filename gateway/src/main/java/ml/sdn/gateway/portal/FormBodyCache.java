package ml.sdn.gateway.portal;

import ml.sdn.gateway.GatewayProperties;
import ml.sdn.gateway.problems.GatewayProblem;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
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
 * A multipart form (the portal's PDF upload) is kept the same way, up to the gateway's request size limit,
 * and parsed in memory when the CSRF check asks for its {@code _csrf} part.
 */
@Component
@Order(-200) // before the rate limits (-150) and Spring Security (-100)
class FormBodyCache implements WebFilter {

    static final int MAX_FORM_BYTES = 256 * 1024;

    private static final FormHttpMessageReader FORM_READER = new FormHttpMessageReader();

    private final int maxMultipartBytes;
    private final MultipartHttpMessageReader multipartReader;

    FormBodyCache(GatewayProperties properties) {
        this.maxMultipartBytes = (int) Math.min(Integer.MAX_VALUE, properties.maxRequestSize().toBytes());
        DefaultPartHttpMessageReader parts = new DefaultPartHttpMessageReader();
        parts.setMaxInMemorySize(maxMultipartBytes); // the body is in memory already: no temporary files
        this.multipartReader = new MultipartHttpMessageReader(parts);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        boolean form = type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type);
        boolean multipart = type != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type);
        if (!form && !multipart) {
            return chain.filter(exchange);
        }
        int max = form ? MAX_FORM_BYTES : maxMultipartBytes;
        return DataBufferUtils.join(exchange.getRequest().getBody(), max)
                .map(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, tooBig -> new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE,
                        "A form may carry at most " + max / 1024 + " KB."))
                .flatMap(bytes -> chain.filter(replaying(exchange, bytes, form)));
    }

    /** Like the exchange it decorates, each of form data and multipart data is empty for the other content type. */
    private ServerWebExchange replaying(ServerWebExchange exchange, byte[] bytes, boolean form) {
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
            }
        };
        Mono<MultiValueMap<String, String>> formData = form
                ? FORM_READER.readMono(ResolvableType.forClass(MultiValueMap.class), request, Map.of()).cache()
                : Mono.just(new LinkedMultiValueMap<>());
        Mono<MultiValueMap<String, Part>> multipartData = form
                ? Mono.just(new LinkedMultiValueMap<>())
                : multipartReader.readMono(ResolvableType.forClass(MultiValueMap.class), request, Map.of()).cache();
        return new ServerWebExchangeDecorator(exchange) {
            @Override
            public ServerHttpRequest getRequest() {
                return request;
            }

            @Override
            public Mono<MultiValueMap<String, String>> getFormData() {
                return formData;
            }

            @Override
            public Mono<MultiValueMap<String, Part>> getMultipartData() {
                return multipartData;
            }
        };
    }
}
