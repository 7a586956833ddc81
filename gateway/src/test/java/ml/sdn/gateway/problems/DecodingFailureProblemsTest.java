package ml.sdn.gateway.problems;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DecodingFailureProblemsTest {

    final EmbeddedChannel channel = new EmbeddedChannel(new DecodingFailureProblems(JsonMapper.builder().build()));

    @Test
    void nettys_empty_414_gets_a_problem_body_and_keeps_its_headers() {
        FullHttpResponse refusal = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_URI_TOO_LONG);
        refusal.headers().set(HttpHeaderNames.CONNECTION, "close");

        channel.writeOutbound(refusal);
        FullHttpResponse sent = channel.readOutbound();

        assertThat(sent.status().code()).isEqualTo(414);
        assertThat(sent.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        assertThat(sent.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        String body = sent.content().toString(StandardCharsets.UTF_8);
        assertThat(sent.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        assertThat(body).contains("\"status\":414", "\"title\":\"Request-URI Too Long\"", "too long");
        sent.release();
    }

    @Test
    void nettys_empty_431_gets_one_too() {
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE));
        FullHttpResponse sent = channel.readOutbound();

        assertThat(sent.content().toString(StandardCharsets.UTF_8)).contains("\"status\":431");
        sent.release();
    }

    @Test
    void any_other_answer_passes_untouched() {
        FullHttpResponse withBody = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_URI_TOO_LONG,
                Unpooled.copiedBuffer("{\"status\":414,\"detail\":\"the service's own\"}", StandardCharsets.UTF_8));
        FullHttpResponse empty400 = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);

        channel.writeOutbound(withBody, empty400);

        FullHttpResponse first = channel.readOutbound();
        FullHttpResponse second = channel.readOutbound();
        assertThat(first).isSameAs(withBody);
        assertThat(second).isSameAs(empty400);
        first.release();
        second.release();
    }
}
