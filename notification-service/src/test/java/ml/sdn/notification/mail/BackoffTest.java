package ml.sdn.notification.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15));

    @Test
    void doubles_after_each_failure() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(640));
    }

    @Test
    void never_waits_longer_than_the_cap() {
        assertThat(backoff.after(8)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void rejects_a_cap_below_the_first_wait() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
