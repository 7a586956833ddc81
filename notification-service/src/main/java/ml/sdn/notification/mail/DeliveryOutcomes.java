package ml.sdn.notification.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ml.sdn.notification.sms.SmsDelivery;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What became of each attempt, for operators: {@code sdn_notification_deliveries_total} by channel (EMAIL,
 * SMS) and outcome: {@code sent} (the SMTP server or the SMSC took it), {@code retried} (a temporary failure,
 * tried again after its backoff), {@code failed} (given up, or the SMSC's receipt says undelivered). Every
 * series exists from the start at 0, so that an alert on its increase sees the first failure.
 */
@Component
public class DeliveryOutcomes {

    static final String SENT = "sent";
    static final String RETRIED = "retried";
    static final String FAILED = "failed";

    private final MeterRegistry meters;

    public DeliveryOutcomes(MeterRegistry meters) {
        this.meters = meters;
        for (String channel : List.of(EmailDelivery.EMAIL, SmsDelivery.SMS)) {
            for (String outcome : List.of(SENT, RETRIED, FAILED)) {
                counter(channel, outcome);
            }
        }
    }

    public void sent(String channel) {
        counter(channel, SENT).increment();
    }

    /** A failed attempt: {@code givenUp} when no other will follow. */
    public void failed(String channel, boolean givenUp) {
        counter(channel, givenUp ? FAILED : RETRIED).increment();
    }

    private Counter counter(String channel, String outcome) {
        return Counter.builder("sdn.notification.deliveries")
                .description("Attempts to send an e-mail or an SMS, by what became of them")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(meters);
    }
}
