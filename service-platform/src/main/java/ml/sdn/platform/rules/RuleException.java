package ml.sdn.platform.rules;

import java.time.Duration;
import java.util.Map;

/**
 * An expected refusal by a rule of the domain. The platform's advice turns it into a problem response
 * (its status from {@link #refusal()}, in one place); its detail is {@code messageKey} looked up in the
 * message bundles (fr default, en) with {@code arguments}.
 */
public abstract class RuleException extends RuntimeException {

    private final Refusal refusal;
    private final String messageKey;
    private final transient Object[] arguments;

    protected RuleException(Refusal refusal, String messageKey, Throwable cause, Object... arguments) {
        super(messageKey, cause);
        this.refusal = refusal;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public Refusal refusal() {
        return refusal;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }

    /**
     * Facts a caller's program may act on beyond the status and the words (the door's reason a badge is refused, say),
     * added to the problem as they are; none unless a rule says so.
     */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** When the same request may succeed if sent again (sent as {@code Retry-After}); null: not said. */
    public Duration retryAfter() {
        return null;
    }
}
