package ml.sdn.competition.jury;

import ml.sdn.platform.rules.BusyException;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One change to a category's assignments at a time, across every instance of the service. An
 * automatic run, a conflict reassignment, a manual add or removal and a roster change all read the
 * whole category, decide, then write several reviews: two of them interleaved could give an
 * application more than k jurors. They hold the category's lock (ShedLock on MongoDB: one lock
 * document, taken and freed by single atomic writes; a dead instance's lock expires after
 * {@link #LOCK_AT_MOST_FOR}).
 * <p>
 * Nothing here sleeps or polls. On one instance, changes to the same category queue on a fair JVM lock
 * (a double click waits for the first click, up to {@code sdn.competition.jury-lock-wait}, and then finds
 * nothing left to do); the store's lock is then tried once, and when another instance holds it the
 * request is answered at once: 409 with {@code Retry-After}, to send again.
 */
@Component
class CategoryLocks {

    static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(5);
    /** What a caller refused because another instance holds the category is told to wait before sending again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final LockProvider locks;
    private final Duration wait;
    private final Map<String, ReentrantLock> onThisInstance = new ConcurrentHashMap<>();

    CategoryLocks(MongoTemplate mongo, @Value("${sdn.competition.jury-lock-wait:15s}") Duration wait) {
        // the service's own database, collection shedLock (as the outbox relay's lock)
        this.locks = new MongoLockProvider(mongo.getDb());
        this.wait = wait;
    }

    <T> T holding(String categoryId, Supplier<T> work) {
        ReentrantLock local = onThisInstance.computeIfAbsent(categoryId, id -> new ReentrantLock(true));
        try {
            if (!local.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BusyException(RETRY_AFTER, "jury.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException(RETRY_AFTER, "jury.busy");
        }
        try {
            SimpleLock lock = locks.lock(new LockConfiguration(Instant.now(), lockName(categoryId), LOCK_AT_MOST_FOR,
                    Duration.ZERO)).orElseThrow(() -> new BusyException(RETRY_AFTER, "jury.busy"));
            try {
                return work.get();
            } finally {
                lock.unlock();
            }
        } finally {
            local.unlock();
        }
    }

    static String lockName(String categoryId) {
        return "jury-category:" + categoryId;
    }
}
