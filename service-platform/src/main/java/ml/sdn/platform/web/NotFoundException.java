package ml.sdn.platform.web;

import org.springframework.http.HttpStatus;

/** Turned into a 404 problem. {@code messageKey} is looked up in the message bundles. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(HttpStatus.NOT_FOUND, messageKey, null, arguments);
    }
}
