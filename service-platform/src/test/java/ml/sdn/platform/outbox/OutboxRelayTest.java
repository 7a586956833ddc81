package ml.sdn.platform.outbox;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboxRelayTest {

    private static OutboxRelay relay(Duration lockAtMostFor, Duration sendTimeout) {
        return new OutboxRelay(null, null, List.of(), "/sdn/test", sendTimeout, null, lockAtMostFor,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Clock.systemUTC(), EventFigures.NONE);
    }

    @Test
    void refuses_a_lock_lifetime_a_round_could_outlast() {
        assertThatIllegalArgumentException().isThrownBy(() -> relay(Duration.ofSeconds(20), Duration.ofSeconds(10)))
                .withMessageContaining("sdn.outbox.lock-at-most-for");
    }

    @Test
    void waits_longer_after_each_failed_send_up_to_the_maximum() {
        OutboxRelay relay = relay(Duration.ofSeconds(60), Duration.ofSeconds(10));
        assertThat(relay.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(relay.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(relay.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(relay.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(relay.backoff(1000)).isEqualTo(Duration.ofSeconds(30));
    }
}
