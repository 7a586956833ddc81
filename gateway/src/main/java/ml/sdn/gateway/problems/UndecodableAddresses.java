package ml.sdn.gateway.problems;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request whose address cannot be decoded ({@code /api/x/%ZZ}) never reaches the gateway's filters: Spring's
 * Netty adapter answers it an empty 400 on its own. This gives that answer the problem body every other
 * refusal has (without a trace id: no span was ever started for it).
 */
@Configuration(proxyBeanMethods = false)
class UndecodableAddresses {

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
                return response.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .sendByteArray(Mono.just(json.writeValueAsBytes(problem))).then();
            }
            return Mono.empty();
        })));
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
