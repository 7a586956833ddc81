package ml.sdn.e2e.containers.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose command the scenario was brought up with ({@code -Dsdn.compose.command}, by
 * docker/offline/containers.sh: docker-compose with the offline env file and override), run in the
 * repository root.
 */
final class Compose {

    private static final Path REPO_ROOT = Path.of(System.getProperty("sdn.repo-root", "..")).toAbsolutePath().normalize();
    private static final String COMMAND = System.getProperty("sdn.compose.command", "docker-compose");

    private Compose() {
    }

    /** Runs {@code <compose> arguments…}, fails on a non-zero exit status, and returns what it printed. */
    static String run(Map<String, String> environment, String... arguments) {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", COMMAND + " \"$@\"", "compose").directory(REPO_ROOT.toFile())
                .redirectErrorStream(true);
        builder.command().addAll(List.of(arguments));
        builder.environment().putAll(environment);
        System.out.println("== compose scenario: " + environment + " " + COMMAND + " " + String.join(" ", arguments));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            assertThat(status).as("exit status of compose " + String.join(" ", arguments) + ": " + tail(output)).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The compose command as one line, for scripts that take it (docker/rolling-redeploy.sh's SDN_COMPOSE). */
    static String command() {
        return COMMAND;
    }

    static Path repositoryRoot() {
        return REPO_ROOT;
    }

    /** The id of the service's container. */
    static String containerId(String service) {
        String output = run(Map.of(), "ps", "-q", service);
        return output.lines().filter(line -> line.matches("[0-9a-f]{64}")).findFirst().orElse(output.strip());
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
    }
}
