package ml.sdn.platform.web;

import org.springframework.http.HttpStatus;

/** Turned into a 409 problem. {@code messageKey} is looked up in the message bundles. */
public class ConflictException extends ProblemException {

    public ConflictException(String messageKey, Object... arguments) {
        super(HttpStatus.CONFLICT, messageKey, null, arguments);
    }
}
