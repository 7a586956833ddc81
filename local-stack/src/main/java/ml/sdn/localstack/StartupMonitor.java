package ml.sdn.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Probes every started part until the ones asked for are ready, printing a line when a part becomes
 * ready and, every few seconds, what is still starting and for how long: a slow first start must not
 * look hung. A child that dies or a part that overruns the timeout ends the wait with its log's tail.
 */
final class StartupMonitor {

    private static final Duration POLL = Duration.ofMillis(500);

    private final PrintStream out;
    private final Instant startedAt;
    private final Duration timeout;
    private final Duration progressEvery;
    private final Set<StartingPart> pending = new LinkedHashSet<>();
    private final Set<String> ready = new LinkedHashSet<>();
    private Instant nextProgress;

    StartupMonitor(PrintStream out, Duration timeout, Duration progressEvery) {
        this.out = out;
        this.startedAt = Instant.now();
        this.timeout = timeout;
        this.progressEvery = progressEvery;
        this.nextProgress = startedAt.plus(progressEvery);
    }

    synchronized void track(StartingPart part) {
        pending.add(part);
    }

    Duration elapsed() {
        return Duration.between(startedAt, Instant.now());
    }

    /** Blocks until all of {@code targets} are ready; other tracked parts are probed meanwhile too. */
    void awaitReady(Collection<? extends StartingPart> targets) {
        Set<String> wanted = targets.stream().map(StartingPart::name).collect(Collectors.toCollection(LinkedHashSet::new));
        while (!ready.containsAll(wanted)) {
            for (StartingPart part : new ArrayList<>(pending)) {
                // before each probe, not once per round: one slow probe must not silence the progress lines
                printProgressIfDue();
                checkAlive(part);
                if (probeQuietly(part)) {
                    pending.remove(part);
                    ready.add(part.name());
                    out.printf("  ✓ %-22s ready after %s%n", part.name(), seconds(elapsed()));
                }
            }
            if (ready.containsAll(wanted)) {
                return;
            }
            if (elapsed().compareTo(timeout) > 0) {
                throw timedOut();
            }
            printProgressIfDue();
            try {
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartException("interrupted while waiting for " + names(pending));
            }
        }
    }

    private void printProgressIfDue() {
        Instant now = Instant.now();
        if (!pending.isEmpty() && !now.isBefore(nextProgress)) {
            out.printf("  … still starting: %s (%s elapsed)%n", names(pending), seconds(elapsed()));
            nextProgress = now.plus(progressEvery);
        }
    }

    private void checkAlive(StartingPart part) {
        part.process().ifPresent(child -> child.exitCode().ifPresent(code -> {
            throw new StackStartException(part.name() + " exited with code " + code + " while starting\n"
                    + child.tail(40));
        }));
    }

    private static boolean probeQuietly(StartingPart part) {
        try {
            return part.probe();
        } catch (Exception notYet) {
            return false;
        }
    }

    private StackStartException timedOut() {
        StringBuilder message = new StringBuilder("not ready after " + seconds(timeout) + ": " + names(pending));
        for (StartingPart part : pending) {
            part.process().ifPresent(child -> message.append('\n').append(child.tail(25)));
        }
        return new StackStartException(message.toString());
    }

    private static String names(Collection<StartingPart> parts) {
        List<String> names = parts.stream().map(StartingPart::name).toList();
        return String.join(", ", names);
    }

    static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
