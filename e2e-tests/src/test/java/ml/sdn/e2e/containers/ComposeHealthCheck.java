package ml.sdn.e2e.containers;

import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/** Ready when the compose file's own health check command succeeds inside the container. */
final class ComposeHealthCheck extends AbstractWaitStrategy {

    private final List<String> command;

    ComposeHealthCheck(List<String> command, Duration timeout) {
        this.command = command;
        withStartupTimeout(timeout);
    }

    @Override
    protected void waitUntilReady() {
        AtomicReference<String> last = new AtomicReference<>("");
        try {
            await().atMost(startupTimeout).pollInterval(Duration.ofSeconds(2)).until(() -> {
                if (!waitStrategyTarget.isRunning()) {
                    throw new ContainerLaunchException("container exited; logs:\n" + tail(waitStrategyTarget.getLogs()));
                }
                var result = waitStrategyTarget.execInContainer(command.toArray(String[]::new));
                last.set(result.getStdout() + result.getStderr());
                return result.getExitCode() == 0;
            });
        } catch (ConditionTimeoutException e) {
            throw new ContainerLaunchException("health check " + command + " did not pass in " + startupTimeout
                    + " (last: " + last.get() + "); logs:\n" + tail(waitStrategyTarget.getLogs()), e);
        }
    }

    private static String tail(String logs) {
        return logs.length() <= 6000 ? logs : logs.substring(logs.length() - 6000);
    }
}
