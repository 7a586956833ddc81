package ml.sdn.platform.rules;


/** Something that the current state does not allow (a 409 problem). {@code messageKey} is looked up in the message bundles. */
public class ConflictException extends RuleException {

    public ConflictException(String messageKey, Object... arguments) {
        super(Refusal.CONFLICT, messageKey, null, arguments);
    }
}
