package ml.sdn.notification.mail;

import ml.sdn.notification.catalogue.NotificationKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the delivery log's readers (the portal's /organizer/deliveries) are told of each row, beyond its fields. */
class DeliveryViewTest {

    @Test
    void a_failed_e_mail_whose_error_is_the_servers_refusal_is_refused_and_no_other_row_is() {
        assertThat(view(EmailDelivery.EMAIL, DeliveryStatus.FAILED, "550 5.1.1 mailbox unavailable").refused()).isTrue();
        assertThat(view(EmailDelivery.EMAIL, DeliveryStatus.FAILED, "MailSendException: 450 [address] busy").refused()).isFalse();
        assertThat(view(EmailDelivery.EMAIL, DeliveryStatus.PENDING, "550 5.1.1 mailbox unavailable").refused()).isFalse();
        assertThat(view("SMS", DeliveryStatus.FAILED, "550 not an e-mail").refused()).isFalse();
    }

    @Test
    void only_a_failed_e_mail_with_its_address_and_text_can_be_sent_again() {
        assertThat(view(EmailDelivery.EMAIL, DeliveryStatus.FAILED, "550 5.1.1 mailbox unavailable").canSendAgain()).isTrue();
        assertThat(view("SMS", DeliveryStatus.FAILED, "unknown number").canSendAgain()).isFalse();
        assertThat(view(EmailDelivery.EMAIL, DeliveryStatus.SENT, null).canSendAgain()).isFalse();
    }

    private static DeliveryLogController.DeliveryView view(String channel, DeliveryStatus status, String lastError) {
        Instant then = Instant.parse("2027-01-28T10:00:00Z");
        return DeliveryLogController.DeliveryView.of(new EmailDelivery("d-1", "event-1", "awa", channel,
                NotificationKind.APPLICATION_SUBMITTED, "awa@example.org", "fr", "Accusé de réception", "Bonjour",
                status, 1, lastError, List.of(new DeliveryAttempt(then, false, lastError)), then, null, null, null));
    }
}
