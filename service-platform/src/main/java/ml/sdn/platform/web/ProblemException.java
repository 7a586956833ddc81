package ml.sdn.platform.web;

import org.springframework.http.HttpStatus;

/**
 * An expected failure that the platform's advice turns into a problem response with {@link #status()};
 * its detail is {@code messageKey} looked up in the message bundles (fr default, en) with {@code arguments}.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] arguments;

    protected ProblemException(HttpStatus status, String messageKey, Throwable cause, Object... arguments) {
        super(messageKey, cause);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
