package ml.sdn.gateway.problems;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request whose address cannot be decoded ({@code /api/x/%ZZ}) never reaches the gateway's filters: Spring's
 * Netty adapter answers it an empty 400 on its own. This gives that answer the problem body every other
 * refusal has (without a trace id: no span was ever started for it).
 */
@Configuration(proxyBeanMethods = false)
class UndecodableAddresses {

    /** What is read of a refused request's body before answering; a longer one is cut (its sender may see a reset). */
    static final long DRAINED_BODY_LIMIT = 64 * 1024;
    /** A body announced and not sent is not waited for longer. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    NettyServerCustomizer undecodableAddressProblem(JsonMapper json) {
        return server -> server.mapHandle((handling, connection) -> handling.then(Mono.defer(() -> {
            if (connection instanceof HttpServerResponse response && !response.hasSentHeaders()
                    && response.status().code() == 400) {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", "about:blank");
                problem.put("title", "Bad Request");
                problem.put("status", 400);
                problem.put("detail", "The address cannot be decoded: every % must be followed by two hexadecimal digits.");
                return drained(connection).then(response.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .sendByteArray(Mono.just(json.writeValueAsBytes(problem))).then());
            }
            return Mono.empty();
        })));
    }

    /**
     * The request's body, read and dropped: nothing had read it (the request was refused before it was built), and
     * a connection closed with a body still arriving is reset by the kernel, so a client still sending its body
     * (a PUT or POST) lost the answer to a reset ("Connection reset": the platform contract's malformed writes).
     */
    private static Mono<Void> drained(Object connection) {
        if (!(connection instanceof HttpServerRequest request)) {
            return Mono.empty();
        }
        AtomicLong read = new AtomicLong();
        return request.receive().takeUntil(chunk -> read.addAndGet(chunk.readableBytes()) > DRAINED_BODY_LIMIT).then()
                .timeout(DRAIN_TIMEOUT, Mono.empty())
                .onErrorResume(error -> Mono.empty());
    }

    /** Netty's own 414 and 431 (a request line or headers too long to decode) with a problem body too. */
    @Bean
    NettyServerCustomizer decodingFailureProblem(JsonMapper json) {
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, DecodingFailureProblems.NAME, new DecodingFailureProblems(json));
            }
        });
    }
}
