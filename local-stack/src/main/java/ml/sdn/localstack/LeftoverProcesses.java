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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The child processes of the running stack, written to {@code <dataDir>/children.pids}. A launcher that
 * was killed without its shutdown hook (kill -9, a killed test JVM) leaves its children running; the
 * next start on the same data directory stops them first. A pid counts only if its start time matches,
 * so a recycled pid is never touched.
 */
final class LeftoverProcesses {

    private final Path file;

    LeftoverProcesses(Path dataDir) {
        this.file = dataDir.resolve("children.pids");
    }

    void record(Collection<ChildProcess> children) {
        List<String> lines = new ArrayList<>();
        for (ChildProcess child : children) {
            ProcessHandle handle = ProcessHandle.of(child.pid()).orElse(null);
            if (handle != null) {
                handle.info().startInstant().ifPresent(start ->
                        lines.add(line(handle.pid(), start, child.name())));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops what a previous run on this data directory left running; returns how many it found. */
    int stopLeftovers(PrintStream out) {
        if (!Files.exists(file)) {
            return 0;
        }
        List<ProcessHandle> found = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                parse(line).ifPresent(recorded -> ProcessHandle.of(recorded.pid())
                        .filter(ProcessHandle::isAlive)
                        .filter(handle -> handle.info().startInstant().map(recorded.start()::equals).orElse(false))
                        .ifPresent(handle -> {
                            out.println("  Stopping " + recorded.name() + " (pid " + handle.pid() + ") left running by an earlier run");
                            found.add(handle);
                        }));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle handle : found) {
            handle.descendants().forEach(all::add);
            all.add(handle);
        }
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception stillAlive) {
                handle.destroyForcibly();
            }
        }
        forget();
        return found.size();
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
