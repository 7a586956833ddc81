package ml.sdn.platform.messaging;

import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.EventTypes;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.serializer.JacksonJsonTypeResolver;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * Picks the record a value is read into from its {@code ce_type} header. A type this service does
 * not know is read as a {@link JsonNode}, which listeners' default handler ignores.
 */
public final class CloudEventTypeResolver implements JacksonJsonTypeResolver {

    private final JsonMapper mapper;

    public CloudEventTypeResolver(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public JavaType resolveType(String topic, byte[] data, Headers headers) {
        Header type = headers == null ? null : headers.lastHeader(CloudEventHeaders.TYPE);
        Class<?> target = type == null
                ? JsonNode.class
                : EventTypes.byType(new String(type.value(), StandardCharsets.UTF_8))
                        .<Class<?>>map(eventType -> eventType.payloadClass())
                        .orElse(JsonNode.class);
        return mapper.constructType(target);
    }
}
