package ml.sdn.notification.sms;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmscRefusalsTest {

    @Test
    void throttling_a_full_queue_and_system_errors_are_tried_again() {
        assertThat(SmsSender.temporary(0x58)).isTrue();
        assertThat(SmsSender.name(0x58)).isEqualTo("ESME_RTHROTTLED");
        assertThat(SmsSender.temporary(0x14)).isTrue();
        assertThat(SmsSender.temporary(0x08)).isTrue();
    }

    @Test
    void an_invalid_destination_or_anything_unknown_is_given_up_at_once() {
        assertThat(SmsSender.temporary(0x0B)).isFalse();
        assertThat(SmsSender.name(0x0B)).isEqualTo("ESME_RINVDSTADR");
        assertThat(SmsSender.temporary(0x1234)).isFalse();
    }
}
