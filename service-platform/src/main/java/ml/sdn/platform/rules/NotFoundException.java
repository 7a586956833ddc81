package ml.sdn.platform.rules;


/** What the caller names does not exist (a 404 problem). {@code messageKey} is looked up in the message bundles. */
public class NotFoundException extends RuleException {

    public NotFoundException(String messageKey, Object... arguments) {
        super(Refusal.NOT_FOUND, messageKey, null, arguments);
    }
}
