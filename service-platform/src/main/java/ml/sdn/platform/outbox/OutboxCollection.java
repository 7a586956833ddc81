package ml.sdn.platform.outbox;

/**
 * Declares a collection whose documents carry an {@code outbox} array of {@link PendingEvent}s; the
 * relay polls every such bean. {@code versionField} is the document field the aggregate's
 * {@code @Version} maps to: the relay increments it when it removes a sent event, so that a save of a
 * copy read before (still holding that event) fails instead of writing the event back.
 */
public record OutboxCollection(String name, String versionField) {

    /** The document field holding the pending events. */
    public static final String FIELD = "outbox";
    /** When the relay may try a document again after a failed send (absent: now). */
    public static final String RETRY_AT_FIELD = "outboxRetryAt";
    /** How many sends of the document's first event failed in a row. */
    public static final String ATTEMPTS_FIELD = "outboxAttempts";

    /** A collection whose aggregates map {@code @Version} to the field {@code version}. */
    public OutboxCollection(String name) {
        this(name, "version");
    }
}
