package ml.sdn.platform.rules;


/**
 * Turned into a 503 problem: a dependency (the broker, the database) is away and the same request
 * may succeed later. {@code messageKey} is looked up in the message bundles.
 */
public class ServiceUnavailableException extends RuleException {

    public ServiceUnavailableException(String messageKey, Throwable cause, Object... arguments) {
        super(Refusal.UNAVAILABLE, messageKey, cause, arguments);
    }
}
