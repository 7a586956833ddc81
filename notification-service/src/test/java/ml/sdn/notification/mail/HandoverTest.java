package ml.sdn.notification.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandoverTest {

    private static final Duration NOW = Duration.ZERO;

    @Test
    void hands_over_in_the_order_queued() throws InterruptedException {
        Handover handover = new Handover(3);
        for (String id : new String[] {"a", "b", "c"}) {
            assertThat(handover.reserve()).isTrue();
            handover.put(new Handover.Claimed(id, "claim-" + id));
        }

        assertThat(handover.take(NOW)).isEqualTo(new Handover.Claimed("a", "claim-a"));
        assertThat(handover.take(NOW).id()).isEqualTo("b");
        assertThat(handover.take(NOW).id()).isEqualTo("c");
        assertThat(handover.waiting()).isZero();
    }

    @Test
    void when_full_refuses_a_reservation_so_that_the_email_is_left_to_the_poll() throws InterruptedException {
        Handover handover = new Handover(2);
        assertThat(handover.reserve()).isTrue();
        handover.put(new Handover.Claimed("a", "x"));
        assertThat(handover.reserve()).isTrue();
        handover.put(new Handover.Claimed("b", "y"));

        assertThat(handover.reserve()).as("no slot left").isFalse();

        handover.take(NOW);
        assertThat(handover.reserve()).as("taking one frees its slot").isTrue();
    }

    @Test
    void a_cancelled_reservation_frees_its_slot() {
        Handover handover = new Handover(1);
        assertThat(handover.reserve()).isTrue();
        assertThat(handover.reserve()).isFalse();

        handover.cancel(); // the e-mail was already queued: nothing handed over

        assertThat(handover.reserve()).isTrue();
        assertThat(handover.waiting()).isZero();
    }

    @Test
    void with_nothing_handed_over_the_wait_ends_empty_so_that_a_sender_can_see_the_instance_stopping() throws InterruptedException {
        Handover handover = new Handover(1);

        assertThat(handover.take(Duration.ofMillis(10))).isNull();
        assertThat(handover.reserve()).as("an empty wait frees no slot it did not hold").isTrue();
        assertThat(handover.reserve()).isFalse();
    }

    @Test
    void needs_room_for_at_least_one() {
        assertThatThrownBy(() -> new Handover(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sdn.mail.handover-capacity");
    }
}
