package ml.sdn.notification.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code sdn.mail.*}: the sender address, how often the queue is polled, how long a claimed e-mail is
 * reserved for one instance, the retry schedule when the SMTP server refuses or is down, and how many
 * threads send the e-mails this instance has just queued ({@code senders}; {@code handover-capacity} of
 * them waiting at most, beyond which new ones are left to the poll).
 */
@ConfigurationProperties("sdn.mail")
public record MailDeliveryProperties(
        @DefaultValue("no-reply@semainedunumerique.ml") String from,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("10s") Duration initialBackoff,
        @DefaultValue("15m") Duration maxBackoff,
        @DefaultValue("20") int maxAttempts,
        @DefaultValue("2") int senders,
        @DefaultValue("1000") int handoverCapacity) {

    public Backoff backoff() {
        return new Backoff(initialBackoff, maxBackoff);
    }
}
