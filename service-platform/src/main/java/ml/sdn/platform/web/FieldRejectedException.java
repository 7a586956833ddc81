package ml.sdn.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A request field that bean validation could not judge alone (the check needs the caller's token or
 * stored data): answered like a validation error, 400 with {@code errors[].field} = {@code field} and
 * the message {@code messageKey} from the bundles.
 */
public class FieldRejectedException extends ProblemException {

    private final String field;

    public FieldRejectedException(String field, String messageKey, Object... arguments) {
        this(HttpStatus.BAD_REQUEST, field, messageKey, arguments);
    }

    /**
     * Another status than 400 (e.g. 422 for a well-formed value that cannot be used): the problem's detail is
     * the message itself, and {@code errors} names the field the same way.
     */
    public FieldRejectedException(HttpStatus status, String field, String messageKey, Object... arguments) {
        super(status, messageKey, null, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
