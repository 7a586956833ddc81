package ml.sdn.platform.rules;


/**
 * A request field that bean validation could not judge alone (the check needs the caller's token or
 * stored data): answered like a validation error, 400 with {@code errors[].field} = {@code field} and
 * the message {@code messageKey} from the bundles.
 */
public class FieldRejectedException extends RuleException {

    private final String field;

    public FieldRejectedException(String field, String messageKey, Object... arguments) {
        this(Refusal.INVALID, field, messageKey, arguments);
    }

    /**
     * Another refusal than an invalid value (e.g. {@link Refusal#UNUSABLE} for a well-formed value that cannot be used): the problem's detail is
     * the message itself, and {@code errors} names the field the same way.
     */
    public FieldRejectedException(Refusal refusal, String field, String messageKey, Object... arguments) {
        super(refusal, messageKey, null, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
