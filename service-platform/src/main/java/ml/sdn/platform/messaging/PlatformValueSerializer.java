package ml.sdn.platform.messaging;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One producer for every kind of value the platform sends: raw bytes (dead letters and their
 * replay, untouched), JSON already written (the outbox), or an object written as JSON (a record
 * that failed in a listener, on its way to the DLT). No type headers: the type is {@code ce_type}.
 */
public final class PlatformValueSerializer extends DelegatingByTypeSerializer {

    public PlatformValueSerializer(JsonMapper mapper) {
        super(delegates(mapper), true);
    }

    private static Map<Class<?>, Serializer<?>> delegates(JsonMapper mapper) {
        JacksonJsonSerializer<Object> json = new JacksonJsonSerializer<>(mapper);
        json.setAddTypeInfo(false);
        Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
        delegates.put(byte[].class, new ByteArraySerializer());
        delegates.put(String.class, new StringSerializer());
        delegates.put(Object.class, json);
        return delegates;
    }
}
