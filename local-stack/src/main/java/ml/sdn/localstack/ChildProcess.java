package ml.sdn.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** A child process whose output goes to its own log file, stopped together with its descendants. */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path logFile;
    /** Set by {@link #stop} and {@link #kill}: its exit was asked for (a restart), not a crash to report. */
    private volatile boolean stopAsked;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path logFile) {
        return start(name, command, environment, workDir, logFile, false);
    }

    /** {@code appendToLog}: a restart keeps what the previous run wrote (a test reads how it stopped). */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path logFile, boolean appendToLog) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(appendToLog ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                            : ProcessBuilder.Redirect.to(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new StackStartException("could not start " + name + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
    }

    /** Runs a short command to completion (e.g. the Kafka storage tool) and fails with its output if it fails. */
    static void run(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path logFile, Duration timeout) {
        ChildProcess child = start(name, command, environment, workDir, logFile);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.stop(Duration.ofSeconds(5));
                throw new StackStartException(name + " did not finish within " + timeout.toSeconds() + " s\n"
                        + child.tail(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.stop(Duration.ofSeconds(5));
            throw new StackStartException(name + " interrupted", e);
        }
        if (child.process.exitValue() != 0) {
            throw new StackStartException(name + " failed with exit code " + child.process.exitValue() + "\n"
                    + child.tail(30));
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean stopAsked() {
        return stopAsked;
    }

    OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** The process and everything it spawned (kc.sh starts a second JVM), including their resident memory. */
    List<ProcessHandle> tree() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.toHandle().descendants().forEach(all::add);
        return all;
    }

    /**
     * SIGTERM to the process and all its descendants, then SIGKILL to whatever is still alive after the
     * grace period. Descendants are collected first: once the parent is gone they can no longer be found.
     */
    void stop(Duration grace) {
        stopAsked = true;
        List<ProcessHandle> all = tree();
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : all) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception timeoutOrInterrupt) {
                // forced below
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL to the process and all its descendants; returns once the process is gone. */
    void kill() {
        stopAsked = true;
        List<ProcessHandle> all = tree();
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log, indented, with the file's path for the rest. */
    String tail(int lines) {
        return LogTail.of(logFile, lines);
    }
}
