package ml.sdn.platform.web;

/**
 * What an answer 500 says about its cause: nothing in a running service. The build's integration tests turn
 * {@value #EXPOSE} on (the failsafe configuration of the root pom), so that a test which meets a 500 names the
 * exception in its failure message: CI shows a failing test's message, rarely the service's log around it.
 */
final class InternalErrors {

    static final String EXPOSE = "sdn.problem.expose-exceptions";
    static final String PROPERTY = "exception";

    private InternalErrors() {
    }

    /** The exception and its causes, one "Type: message" each, outermost first. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null && text.length() < 2_000; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getName()).append(": ").append(cause.getMessage());
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }
}
