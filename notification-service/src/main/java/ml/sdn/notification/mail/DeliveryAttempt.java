package ml.sdn.notification.mail;

import java.time.Instant;

/** One try at handing an e-mail to the SMTP server; {@code error} is null when it was accepted. */
public record DeliveryAttempt(Instant at, boolean accepted, String error) {
}
