package ml.sdn.gateway.limits;

import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Token buckets by key, in this instance's memory: {@code capacity} per key, refilled over {@code refillPeriod}. */
final class Buckets {

    private final long capacity;
    private final Duration refillPeriod;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

    Buckets(long capacity, Duration refillPeriod) {
        this.capacity = capacity;
        this.refillPeriod = refillPeriod;
    }

    Bucket of(String key) {
        sweepIdleBuckets();
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refillPeriod))
                .build());
    }

    /** Whether the key's bucket is empty, without taking anything from it (and without making one). */
    boolean isEmpty(String key) {
        Bucket bucket = buckets.get(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    /** No bucket at all: nothing was counted lately (full buckets are forgotten after a refill period). */
    boolean isUnused() {
        sweepIdleBuckets();
        return buckets.isEmpty();
    }

    /** Seconds until the key's bucket has a token again, at least 1. */
    long secondsToRefill(String key) {
        Bucket bucket = of(key);
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** A full bucket is the same as a new one: forget those, at most once per refill period. */
    private void sweepIdleBuckets() {
        long last = lastSweep.get();
        long now = System.nanoTime();
        if (now - last > refillPeriod.toNanos() && lastSweep.compareAndSet(last, now)) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
        }
    }
}
