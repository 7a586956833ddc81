package ml.sdn.localstack;

import java.util.Optional;

/** Something the stack is bringing up and waits for. */
interface StartingPart {

    String name();

    /** One readiness probe; short timeouts, false (or an exception) while not ready yet. */
    boolean probe() throws Exception;

    /** The child process behind this part, if any: its death ends the wait at once. */
    default Optional<ChildProcess> process() {
        return Optional.empty();
    }
}
