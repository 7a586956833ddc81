package ml.sdn.platform.outbox;

import ml.sdn.events.EventType;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event waiting in its aggregate's document (field {@code outbox}) until {@link OutboxRelay} has
 * had it acknowledged by the broker. Saved in the same single-document write as the change it
 * announces, so the change and its event are never separated.
 */
public record PendingEvent(String id, String type, String topic, String key, String subject, Instant time, String payload) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public PendingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new event about aggregate {@code subject} (also the Kafka key, so one aggregate's events stay in order). */
    public static <T> PendingEvent of(EventType<T> type, String subject, T event) {
        return new PendingEvent(UUID.randomUUID().toString(), type.type(), type.topic(), subject, subject,
                Instant.now(), JSON.writeValueAsString(event));
    }
}
