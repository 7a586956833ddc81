package ml.sdn.registration.organizations;

/**
 * A field of the request that bean validation could not judge alone (it needs the caller's token or the
 * stored organisation): a 400 problem naming {@code field}, with {@code messageKey} from the bundles.
 */
class FieldRejected extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    FieldRejected(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    String field() {
        return field;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
