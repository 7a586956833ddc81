package ml.sdn.gateway.problems;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request line or headers longer than Netty's decoder accepts ({@code server.netty.max-initial-line-length},
 * {@code server.max-http-request-header-size}) never becomes a request: Reactor Netty answers it itself, 414 or
 * 431 with an empty body, and closes the connection. Placed between Netty's HTTP codec and Reactor Netty's
 * handlers, this gives such an empty refusal the problem body every other refusal has (no trace id: no span
 * ever started). Responses with a body, every answer of the application included, pass untouched.
 */
final class DecodingFailureProblems extends ChannelOutboundHandlerAdapter {

    static final String NAME = "sdn.decodingFailureProblems";

    private final JsonMapper json;

    DecodingFailureProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && response.content().readableBytes() == 0 && isDecodingFailure(response.status())) {
            byte[] body = problem(response.status());
            FullHttpResponse withProblem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                    Unpooled.wrappedBuffer(body), response.headers().copy(), response.trailingHeaders().copy());
            withProblem.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            withProblem.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
            response.release();
            super.write(ctx, withProblem, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    private static boolean isDecodingFailure(HttpResponseStatus status) {
        return status.code() == 414 || status.code() == 431;
    }

    private byte[] problem(HttpResponseStatus status) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.reasonPhrase());
        problem.put("status", status.code());
        problem.put("detail", status.code() == 414
                ? "The address is too long: send long values in a request body."
                : "The request's headers are too large.");
        return json.writeValueAsBytes(problem);
    }
}
