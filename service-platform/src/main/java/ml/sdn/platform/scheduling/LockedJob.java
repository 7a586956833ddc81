package ml.sdn.platform.scheduling;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.slf4j.Logger;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A job that runs on one instance of a service at a time: a ShedLock lock in the service's own store
 * (collection {@code shedLock}, beside the outbox relay's). Correctness never rests on it (every job here is
 * written so that two runs at once still do the work once); it spares a second instance the same work.
 *
 * <p>The lease is wall-clock time (ShedLock's own clock), never the service's {@link java.time.Clock}: a test
 * that moves the platform clock must not make a lease expire or last for days.
 */
public final class LockedJob {

    private final String name;
    private final LockingTaskExecutor lock;
    private final Duration lockAtMostFor;

    private LockedJob(String name, LockingTaskExecutor lock, Duration lockAtMostFor) {
        this.name = name;
        this.lock = lock;
        this.lockAtMostFor = lockAtMostFor;
    }

    /** Each call makes its own lock executor on the store, as another instance of the service would. */
    public static LockedJob named(String name, MongoTemplate mongo, Duration lockAtMostFor) {
        return new LockedJob(name, new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getDb())), lockAtMostFor);
    }

    /** @return what {@code work} returned, or empty when another instance holds the lock */
    public <T> Optional<T> run(Supplier<T> work) {
        TaskResult<T> result;
        try {
            result = lock.executeWithLock(work::get, new LockConfiguration(ClockProvider.now(), name, lockAtMostFor,
                    Duration.ZERO));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable unexpected) {
            // a Supplier throws nothing checked: only the executor's signature says Throwable
            throw new IllegalStateException(unexpected);
        }
        return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
    }

    public void run(Runnable work) {
        run(() -> {
            work.run();
            return Boolean.TRUE;
        });
    }

    /**
     * For a {@code @Scheduled} entry: a failure (the store away, a rule refusing) is logged as {@code what} and
     * left to the next run, which tries again; it must not stop the scheduler's thread.
     */
    public void runOrLog(Runnable work, Logger log, String what) {
        try {
            run(work);
        } catch (RuntimeException e) {
            log.warn("{}, the next run tries again: {}", what, e.toString());
        }
    }
}
