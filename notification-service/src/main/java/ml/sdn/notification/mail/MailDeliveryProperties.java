package ml.sdn.notification.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code sdn.mail.*}: the sender address, how often the queue is polled, how long a claimed e-mail is
 * reserved for one instance, and the retry schedule when the SMTP server refuses or is down.
 */
@ConfigurationProperties("sdn.mail")
public record MailDeliveryProperties(
        @DefaultValue("no-reply@semainedunumerique.ml") String from,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("10s") Duration initialBackoff,
        @DefaultValue("15m") Duration maxBackoff,
        @DefaultValue("20") int maxAttempts) {

    public Backoff backoff() {
        return new Backoff(initialBackoff, maxBackoff);
    }
}
