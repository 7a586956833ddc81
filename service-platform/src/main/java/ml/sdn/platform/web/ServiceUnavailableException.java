package ml.sdn.platform.web;

import org.springframework.http.HttpStatus;

/**
 * Turned into a 503 problem: a dependency (the broker, the database) is away and the same request
 * may succeed later. {@code messageKey} is looked up in the message bundles.
 */
public class ServiceUnavailableException extends ProblemException {

    public ServiceUnavailableException(String messageKey, Throwable cause, Object... arguments) {
        super(HttpStatus.SERVICE_UNAVAILABLE, messageKey, cause, arguments);
    }
}
