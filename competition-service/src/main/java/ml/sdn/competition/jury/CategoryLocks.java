package ml.sdn.competition.jury;

import ml.sdn.platform.rules.ConflictException;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One change to a category's assignments at a time, across every instance of the service. An
 * automatic run, a conflict reassignment, a manual add or removal and a roster change all read the
 * whole category, decide, then write several reviews: two of them interleaved could give an
 * application more than k jurors. They hold the category's lock (ShedLock on MongoDB: one lock
 * document, taken and freed by single atomic writes; a dead instance's lock expires after
 * {@link #LOCK_AT_MOST_FOR}). A caller waits for it up to {@code sdn.competition.jury-lock-wait},
 * then gets a 409 asking to try again: a double click waits and then finds nothing left to do.
 */
@Component
class CategoryLocks {

    static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(5);
    private static final long PAUSE_MILLIS = 20;

    private final LockProvider locks;
    private final Duration wait;

    CategoryLocks(MongoTemplate mongo, @Value("${sdn.competition.jury-lock-wait:15s}") Duration wait) {
        // the service's own database, collection shedLock (as the outbox relay's lock)
        this.locks = new MongoLockProvider(mongo.getDb());
        this.wait = wait;
    }

    <T> T holding(String categoryId, Supplier<T> work) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), "jury-category:" + categoryId,
                    LOCK_AT_MOST_FOR, Duration.ZERO));
            if (lock.isPresent()) {
                try {
                    return work.get();
                } finally {
                    lock.get().unlock();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new ConflictException("jury.busy");
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConflictException("jury.busy");
            }
        }
    }
}
