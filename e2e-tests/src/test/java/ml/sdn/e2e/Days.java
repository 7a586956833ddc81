package ml.sdn.e2e;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Days no other test of the stack uses. Attendance, check-ins and the door's figures are counted per day, so
 * two tests on one day count each other's people; a random day per test met another's about once in 300 runs.
 * Days are handed out one after the other within a JVM (each Failsafe fork runs its own stack), from a random
 * start so that a run against a store kept from an earlier run (the same port offset) meets none of its days.
 * They lie far past the days other tests write by hand (2031–2100), and in any month: a test must not depend on it.
 */
public final class Days {

    private static final LocalDate FIRST = LocalDate.of(2101, 1, 1);
    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(0, 300_000));

    private Days() {
    }

    /** A day of the test's own. */
    public static LocalDate ofItsOwn() {
        return FIRST.plusDays(NEXT.getAndIncrement());
    }
}
