package ml.sdn.notification.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandoverTest {

    @Test
    void hands_over_in_the_order_queued() throws InterruptedException {
        Handover handover = new Handover(3);
        for (String id : new String[] {"a", "b", "c"}) {
            assertThat(handover.reserve()).isTrue();
            handover.put(new Handover.Claimed(id, "claim-" + id));
        }

        assertThat(handover.take()).isEqualTo(new Handover.Claimed("a", "claim-a"));
        assertThat(handover.take().id()).isEqualTo("b");
        assertThat(handover.take().id()).isEqualTo("c");
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

        handover.take();
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
    void needs_room_for_at_least_one() {
        assertThatThrownBy(() -> new Handover(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sdn.mail.handover-capacity");
    }
}
