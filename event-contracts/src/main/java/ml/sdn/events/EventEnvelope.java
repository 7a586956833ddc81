package ml.sdn.events;

import java.time.Instant;

/**
 * The CloudEvents attributes of one event: {@code id} is unique per event (consumers keep it to stay
 * idempotent), {@code type} is versioned, {@code source} names the producing service, {@code subject}
 * is the aggregate id (also the Kafka key).
 */
public record EventEnvelope(String id, String type, String source, Instant time, String subject) {
}
