package ml.sdn.registration;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * Holds the outbox relay back in an IT, by taking its ShedLock lock the way another instance would (so only
 * once this instance's round in progress, if any, is over): events written meanwhile stay in their outboxes
 * until {@link SimpleLock#unlock()}. Used wherever a test must see what sits in an outbox before it goes out.
 */
public final class RelayLock {

    private RelayLock() {
    }

    public static SimpleLock take(MongoTemplate mongo) {
        MongoLockProvider provider = new MongoLockProvider(mongo.getDb());
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> provider.lock(
                        new LockConfiguration(Instant.now(), "sdn-outbox-relay", Duration.ofSeconds(60), Duration.ZERO)),
                Optional::isPresent).orElseThrow();
    }
}
