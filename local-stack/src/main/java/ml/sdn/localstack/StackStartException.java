package ml.sdn.localstack;

/** The stack could not be brought up; the message says what failed and where to look. */
public class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
