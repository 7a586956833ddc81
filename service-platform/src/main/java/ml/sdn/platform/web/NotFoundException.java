package ml.sdn.platform.web;

/** Turned into a 404 problem. {@code messageKey} is looked up in the message bundles. */
public class NotFoundException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey);
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
