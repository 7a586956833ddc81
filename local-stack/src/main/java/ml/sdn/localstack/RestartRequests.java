package ml.sdn.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./run-local.sh --restart registration-service-2}: the script leaves a file named after the instance in
 * {@code <data-dir>/restart/}; the running launcher stops that one instance gracefully (SIGTERM: readiness down,
 * requests in flight finished), starts it again, waits for its readiness, writes the outcome to
 * {@code <name>.result} and removes the request, which the script waits for. The other instances keep serving:
 * one step of a rolling redeploy (after rebuilding that service's jar, say). A file rather than the terminal: a
 * launcher started in the background must not stop on reading its terminal.
 */
final class RestartRequests {

    static final String FOLDER = "restart";
    static final String RESULT_SUFFIX = ".result";

    private final Path folder;

    RestartRequests(Path dataDir) {
        this.folder = dataDir.resolve(FOLDER);
    }

    static void watch(LocalStack stack, PrintStream out) {
        RestartRequests requests = new RestartRequests(stack.dataDir());
        requests.clear();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-stack-restarts");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(() -> {
            if (!stack.isClosed()) {
                requests.pending().forEach(name -> requests.handle(name, stack::instance, out));
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** The instance names asked for, oldest request first is not promised: they run one at a time. */
    List<String> pending() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.endsWith(RESULT_SUFFIX))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Restarts {@code name}, writes what happened to {@code <name>.result}, then removes the request. */
    void handle(String name, java.util.function.Function<String, LocalStack.Instance> instances, PrintStream out) {
        String outcome;
        try {
            LocalStack.Instance instance = instances.apply(name);
            Instant started = Instant.now();
            out.println("  restarting " + name + " (graceful stop, then start)…");
            instance.restart(Duration.ofMinutes(5));
            outcome = name + " ready again after " + Duration.between(started, Instant.now()).toSeconds() + " s";
            out.println("  ✓ " + outcome);
        } catch (RuntimeException e) {
            outcome = "could not restart " + name + ": " + e.getMessage();
            out.println("  ! " + outcome);
        }
        try {
            Files.writeString(folder.resolve(name + RESULT_SUFFIX), outcome + System.lineSeparator());
            Files.deleteIfExists(folder.resolve(name));
        } catch (IOException e) {
            out.println("  could not answer the restart request in " + folder + ": " + e.getMessage());
        }
    }

    /** Requests left by a previous run are not this run's to carry out. */
    void clear() {
        pending().forEach(name -> {
            try {
                Files.deleteIfExists(folder.resolve(name));
            } catch (IOException ignored) {
                // a stale request is then carried out: harmless, a restart
            }
        });
    }
}
