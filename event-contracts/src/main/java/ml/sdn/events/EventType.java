package ml.sdn.events;

import java.util.Objects;

/**
 * A versioned event type: the {@code ce_type} string, the topic its events go to, and the record
 * its payload is read into.
 */
public record EventType<T>(String type, String topic, Class<T> payloadClass) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadClass, "payloadClass");
    }

    public static <T> EventType<T> of(String type, String topic, Class<T> payloadClass) {
        return new EventType<>(type, topic, payloadClass);
    }
}
