package ml.sdn.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.templates.RenderedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands queued e-mails to the SMTP server ({@code SMTP_HOST}:{@code SMTP_PORT}). An e-mail queued by
 * this instance ({@link #queue}) is stored claimed and sent at once by one of {@code sdn.mail.senders}
 * threads; the poll, every {@code sdn.mail.poll-interval}, sends the rest: retries after their backoff,
 * e-mails queued while the hand-over was full, and those an instance claimed but did not send before it
 * stopped (once their lease is over). While the server is down each e-mail waits its backoff and is
 * tried again; nothing is dropped. An address or message the server refuses for good (a 5xx answer,
 * {@link SmtpRefusals}) fails at once.
 */
@Component
public class EmailSender implements SmartLifecycle {

    /** Carries the delivery id, so that a message in a mailbox can be traced to its log entry. */
    public static final String DELIVERY_HEADER = "X-SDN-Delivery-Id";

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final int MAX_ERROR_LENGTH = 500;
    /** How often an idle sender looks whether the instance is stopping. */
    private static final Duration IDLE_CHECK = Duration.ofMillis(200);
    /** A sender in the middle of an e-mail gets this long to finish it when the instance stops (SMTP's own timeouts are shorter). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final DeliveryLog deliveries;
    private final JavaMailSender mailSender;
    private final MailDeliveryProperties properties;
    private final Handover handover;
    private volatile ExecutorService senders;
    private volatile boolean running;

    public EmailSender(DeliveryLog deliveries, JavaMailSender mailSender, MailDeliveryProperties properties) {
        this.deliveries = deliveries;
        this.mailSender = mailSender;
        this.properties = properties;
        this.handover = new Handover(properties.handoverCapacity());
    }

    /**
     * Queues the e-mail once per (event, recipient): sent at once by this instance when its hand-over has
     * room, else by the poll.
     *
     * @return whether it was queued (false: this event had already queued it)
     */
    public boolean queue(String eventId, String recipientId, String to, NotificationKind kind, RenderedMessage message) {
        boolean reserved = senders != null && handover.reserve();
        Optional<EmailDelivery> queued;
        try {
            queued = deliveries.enqueue(eventId, recipientId, to, kind, message, reserved);
        } catch (RuntimeException e) {
            if (reserved) {
                handover.cancel();
            }
            throw e;
        }
        if (queued.isEmpty()) {
            if (reserved) {
                handover.cancel();
            }
            return false;
        }
        if (reserved) {
            handover.put(new Handover.Claimed(queued.get().id(), queued.get().claim()));
        }
        return true;
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

    /** One sending thread: takes what was handed over, reads it again (an erasure may have cancelled it), sends it. */
    private void sendHandedOver() {
        while (running) {
            Handover.Claimed next;
            try {
                next = handover.take(IDLE_CHECK);
            } catch (InterruptedException stopping) {
                return;
            }
            if (next == null) {
                continue;
            }
            try {
                deliveries.stillClaimed(next.id(), next.claim()).ifPresent(this::send);
            } catch (RuntimeException e) {
                // the store is away: the e-mail keeps its claim until the lease ends, then the poll sends it
                log.warn("E-mail {} not sent now, the poll will send it after its lease: {}", next.id(), e.toString());
            }
        }
    }

    @Override
    public void start() {
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(properties.senders(), task -> {
            Thread thread = new Thread(task, "email-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        for (int i = 0; i < properties.senders(); i++) {
            pool.execute(this::sendHandedOver);
        }
        senders = pool;
    }

    @Override
    public void stop() {
        ExecutorService pool = senders;
        senders = null;
        running = false;
        if (pool == null) {
            return;
        }
        // an e-mail still handed over keeps its claim: the poll of a running instance sends it after the lease.
        // The senders are not interrupted: one in the middle of an e-mail finishes it and records it sent (an
        // interrupt there failed the record after the SMTP server had taken the e-mail, and the next instance
        // sent it a second time); each stops before taking another
        pool.shutdown();
        try {
            if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (handover.waiting() > 0) {
            log.info("{} e-mail(s) handed over but not sent before stopping: sent by the poll once their lease is over",
                    handover.waiting());
        }
    }

    @Override
    public boolean isRunning() {
        return senders != null;
    }

    /** Before the Kafka listeners start and after they stop, so that what they queue finds the senders running. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
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
            String refusal = SmtpRefusals.reply(e, delivery.to());
            if (refusal != null) {
                // the server refused the address or the message for good: it would refuse it again
                deliveries.recordFailure(delivery, refusal, true);
                log.warn("E-mail {} refused by the mail server and given up: {}", delivery.id(), refusal);
                return;
            }
            // a temporary refusal may quote the address too ("450 <awa@…> mailbox busy"): never in the log in full
            String error = QuotedAddresses.replaced(describe(e), "[address]", delivery.to());
            deliveries.recordFailure(delivery, error, false);
            log.warn("E-mail {} not sent (attempt {}), will retry: {}", delivery.id(), delivery.attempts() + 1, error);
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
