package ml.sdn.platform.messaging;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterListenerTest {

    @Test
    void keeps_retrying_a_record_the_store_cannot_keep_without_limit_and_at_most_the_max_backoff_apart() {
        BackOff backOff = DeadLetterListener.storeBackOff(Duration.ofSeconds(30));
        BackOffExecution execution = backOff.start();
        long total = 0;
        // a MongoDB outage of days is still retried
        for (int attempt = 0; attempt < 20_000; attempt++) {
            long next = execution.nextBackOff();
            assertThat(next).isNotEqualTo(BackOffExecution.STOP).isBetween(1000L, 30_000L);
            total += next;
        }
        assertThat(Duration.ofMillis(total)).isGreaterThan(Duration.ofDays(1));
    }
}
