package ml.sdn.platform.outbox;

/**
 * Declares a collection whose documents carry an {@code outbox} array of {@link PendingEvent}s; the
 * relay polls every such bean.
 */
public record OutboxCollection(String name) {

    /** The document field holding the pending events. */
    public static final String FIELD = "outbox";
}
