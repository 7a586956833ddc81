package ml.sdn.notification.mail;

import java.time.Duration;

/** Exponential backoff between e-mail attempts: initial, doubled after each failure, capped. */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 → initial, 2 → 2 × initial, …). */
    public Duration after(int failedAttempts) {
        if (failedAttempts < 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
