package ml.sdn.platform.rules;

import java.time.Duration;

/**
 * Another change to the same thing is under way (on this instance or another): a 409 problem with
 * {@code Retry-After}, answered at once rather than after waiting on the request's thread. Sending the
 * request again later is safe: it finds the other change done. {@code messageKey} is looked up in the
 * message bundles.
 */
public class BusyException extends ConflictException {

    private final Duration retryAfter;

    public BusyException(Duration retryAfter, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
