package ml.sdn.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Hands queued e-mails to the SMTP server ({@code SMTP_HOST}:{@code SMTP_PORT}) every
 * {@code sdn.mail.poll-interval}. While the server is down each e-mail waits its backoff and is
 * tried again; nothing is dropped.
 */
@Component
public class EmailSender {

    /** Carries the delivery id, so that a message in a mailbox can be traced to its log entry. */
    public static final String DELIVERY_HEADER = "X-SDN-Delivery-Id";

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final DeliveryLog deliveries;
    private final JavaMailSender mailSender;
    private final MailDeliveryProperties properties;

    public EmailSender(DeliveryLog deliveries, JavaMailSender mailSender, MailDeliveryProperties properties) {
        this.deliveries = deliveries;
        this.mailSender = mailSender;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${sdn.mail.poll-interval:2s}")
    public void sendDue() {
        for (int i = 0; i < properties.batchSize(); i++) {
            Optional<EmailDelivery> next = deliveries.claimNextDue();
            if (next.isEmpty()) {
                return;
            }
            send(next.get());
        }
    }

    private void send(EmailDelivery delivery) {
        if (delivery.to() == null || delivery.to().isBlank()) {
            // its recipient's erasure removed the address while it was being claimed: nothing to send to
            deliveries.recordFailure(delivery, "No address", true);
            log.warn("E-mail {} has no address and is given up", delivery.id());
            return;
        }
        try {
            mailSender.send(message(delivery));
            deliveries.recordSent(delivery);
            log.info("E-mail {} ({}) sent to recipient {}", delivery.id(), delivery.kind(), delivery.recipientId());
        } catch (MailParseException | MailPreparationException e) {
            // the message itself is wrong: sending it again cannot help
            deliveries.recordFailure(delivery, describe(e), true);
            log.warn("E-mail {} cannot be sent and is given up: {}", delivery.id(), describe(e));
        } catch (MailException e) {
            deliveries.recordFailure(delivery, describe(e), false);
            log.warn("E-mail {} not sent (attempt {}), will retry: {}", delivery.id(), delivery.attempts() + 1, describe(e));
        }
    }

    private MimeMessage message(EmailDelivery delivery) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(delivery.to());
            helper.setSubject(delivery.subject());
            helper.setText(delivery.body());
            message.setHeader("Content-Language", delivery.language());
            message.setHeader(DELIVERY_HEADER, delivery.id());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        return message;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == error
                ? error.getClass().getSimpleName() + ": " + error.getMessage()
                : error.getClass().getSimpleName() + ": " + root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
