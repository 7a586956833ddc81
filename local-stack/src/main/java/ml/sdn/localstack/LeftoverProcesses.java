package ml.sdn.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Every process of the running stack, written to {@code <dataDir>/children.pids}: the children and all
 * their descendants ({@code kc.sh} starts Keycloak's JVM, which outlives the shell when both are killed).
 * A launcher killed without its shutdown hook (kill -9, a killed test JVM) leaves them running, re-parented
 * and out of reach of {@link ProcessHandle#descendants()}; the next start on the same data directory stops
 * them first. A pid counts only if its start time matches, so a recycled pid is never touched.
 */
final class LeftoverProcesses {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private final Path file;
    private final Duration grace;
    /** Everything recorded by this run and still alive: a descendant stays recorded after its parent exits. */
    private final Map<Long, Recorded> known = new LinkedHashMap<>();
    private List<String> written = List.of();

    LeftoverProcesses(Path dataDir) {
        this(dataDir, GRACE);
    }

    LeftoverProcesses(Path dataDir, Duration grace) {
        this.file = dataDir.resolve("children.pids");
        this.grace = grace;
    }

    /** Adds the children and their current descendants to the record; rewrites the file only when it changes. */
    synchronized void record(Collection<ChildProcess> children) {
        for (ChildProcess child : children) {
            for (ProcessHandle handle : child.tree()) {
                String name = handle.pid() == child.pid() ? child.name() : child.name() + " › " + command(handle);
                handle.info().startInstant().ifPresent(start ->
                        known.putIfAbsent(handle.pid(), new Recorded(handle.pid(), start, name)));
            }
        }
        known.values().removeIf(recorded -> find(recorded).isEmpty());
        List<String> lines = known.values().stream().map(r -> line(r.pid(), r.start(), r.name())).toList();
        if (lines.equals(written)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
            written = lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void forget() {
        known.clear();
        written = List.of();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops what a previous run on this data directory left running, all at once: SIGTERM, then SIGKILL to
     * whatever is still alive after the grace period. Returns how many processes it stopped.
     */
    int stopLeftovers(PrintStream out) {
        if (!Files.exists(file)) {
            return 0;
        }
        Map<Long, ProcessHandle> all = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                parse(line).ifPresent(recorded -> find(recorded).ifPresent(handle -> {
                    out.println("  Stopping " + recorded.name() + " (pid " + handle.pid() + ") left running by an earlier run");
                    all.put(handle.pid(), handle);
                }));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // what they spawned since the last record (they are still their descendants)
        for (ProcessHandle handle : List.copyOf(all.values())) {
            handle.descendants().forEach(descendant -> all.putIfAbsent(descendant.pid(), descendant));
        }
        all.values().forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : all.values()) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception timeoutOrInterrupt) {
                // forced below
            }
        }
        for (ProcessHandle handle : all.values()) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                try {
                    handle.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception timeoutOrInterrupt) {
                    // the port check that follows reports it if it still holds one
                }
            }
        }
        forget();
        return all.size();
    }

    /** The live process a record names, if its pid has not been given to another process since. */
    private static Optional<ProcessHandle> find(Recorded recorded) {
        return ProcessHandle.of(recorded.pid())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().startInstant()
                        .map(start -> start.toEpochMilli() == recorded.start().toEpochMilli()).orElse(false));
    }

    private static String command(ProcessHandle handle) {
        return handle.info().command().map(path -> Path.of(path).getFileName().toString()).orElse("process");
    }

    static String line(long pid, Instant start, String name) {
        return pid + " " + start.toEpochMilli() + " " + name;
    }

    static Optional<Recorded> parse(String line) {
        String[] parts = line.trim().split(" ", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Recorded(Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    record Recorded(long pid, Instant start, String name) {
    }
}
