package ml.sdn.platform.web;

/**
 * Turned into a 503 problem: a dependency (the broker, the database) is away and the same request
 * may succeed later. {@code messageKey} is looked up in the message bundles.
 */
public class ServiceUnavailableException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public ServiceUnavailableException(String messageKey, Throwable cause, Object... arguments) {
        super(messageKey, cause);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
