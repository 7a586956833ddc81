package ml.sdn.notification.sms;

import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} submits a second, evenly spaced (an SMSC's window is usually per second, and a
 * burst at the top of each second is what trips {@code ESME_RTHROTTLED}). {@link #reserve} answers how long
 * the caller must wait before its submit; the time source is given, so the rule is tested without waiting.
 */
final class Throttle {

    private final long spacingNanos;
    private final LongSupplier nanoTime;
    private long nextFree;
    private boolean started;

    Throttle(double perSecond, LongSupplier nanoTime) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("sdn.sms.rate-per-second must be above 0, was " + perSecond);
        }
        this.spacingNanos = (long) (1_000_000_000L / perSecond);
        this.nanoTime = nanoTime;
    }

    /** Takes the next slot: @return nanoseconds to wait before using it (0: now). */
    synchronized long reserve() {
        long now = nanoTime.getAsLong();
        if (!started || nextFree - now < 0) {
            started = true;
            nextFree = now;
        }
        long wait = nextFree - now;
        nextFree += spacingNanos;
        return wait;
    }

    /** Waits for the next slot. */
    void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
