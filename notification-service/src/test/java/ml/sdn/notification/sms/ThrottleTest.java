package ml.sdn.notification.sms;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The time is given by the test: nothing here waits. */
class ThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void at_ten_a_second_submits_are_spaced_a_tenth_of_a_second_apart() {
        Throttle throttle = new Throttle(10, now::get);

        assertThat(throttle.reserve()).isZero();
        assertThat(throttle.reserve()).isEqualTo(100_000_000L);
        assertThat(throttle.reserve()).isEqualTo(200_000_000L);
    }

    @Test
    void time_spent_elsewhere_counts_but_an_idle_spell_earns_no_burst() {
        Throttle throttle = new Throttle(10, now::get);
        throttle.reserve();

        now.addAndGet(60_000_000L);
        assertThat(throttle.reserve()).isEqualTo(40_000_000L);

        now.addAndGet(10_000_000_000L);
        assertThat(throttle.reserve()).isZero();
        assertThat(throttle.reserve()).isEqualTo(100_000_000L);
    }

    @Test
    void a_rate_of_zero_is_refused_when_the_service_starts() {
        assertThatThrownBy(() -> new Throttle(0, now::get)).hasMessageContaining("sdn.sms.rate-per-second");
    }
}
