package ml.sdn.platform.scheduling;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import ml.sdn.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two instances' jobs of the same name on one real store (the MongoDB-protocol store): one runs, one stands aside. */
class LockedJobIT {

    private final EmbeddedMongo store = EmbeddedMongo.start();
    private final MongoClient client = MongoClients.create(store.uri());
    private final MongoTemplate mongo = new MongoTemplate(client, "sdn_locked_job");

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void while_one_instance_runs_the_job_the_other_does_not_and_runs_it_afterwards() {
        LockedJob here = LockedJob.named("reminders", mongo, Duration.ofMinutes(5));
        LockedJob elsewhere = LockedJob.named("reminders", mongo, Duration.ofMinutes(5));

        // another thread, as another instance would be: ShedLock lets the holding thread's nested calls through
        var inside = here.run(() -> CompletableFuture.supplyAsync(() -> elsewhere.run(() -> "elsewhere")).join());

        assertThat(inside).as("the other instance, while this one holds the lock").contains(Optional.empty());
        assertThat(elsewhere.run(() -> "elsewhere")).as("once the lock is free").contains("elsewhere");
    }

    @Test
    void jobs_of_other_names_do_not_wait_for_each_other() {
        LockedJob reminders = LockedJob.named("reminders", mongo, Duration.ofMinutes(5));
        LockedJob reconciler = LockedJob.named("reconciler", mongo, Duration.ofMinutes(5));

        assertThat(reminders.run(() -> CompletableFuture.supplyAsync(() -> reconciler.run(() -> 7)).join()))
                .contains(Optional.of(7));
    }

    @Test
    void a_failing_run_frees_the_lock_and_on_schedule_is_logged_not_thrown() {
        LockedJob job = LockedJob.named("reminders", mongo, Duration.ofMinutes(5));
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> job.run(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("store away");
        })).isInstanceOf(IllegalStateException.class);
        job.runOrLog(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("store away");
        }, LoggerFactory.getLogger(LockedJobIT.class), "Test job failed");
        job.run(runs::incrementAndGet);

        assertThat(runs).hasValue(3);
    }
}
