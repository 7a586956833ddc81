package ml.sdn.notification.mail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import ml.sdn.notification.catalogue.NotificationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The delivery log of e-mails and SMS, for organizers: what was sent, what waits, what failed and why;
 * filtered by status and by channel (an unknown value is a 400 naming the parameter); a failed e-mail sent again.
 */
@RestController
@PreAuthorize("hasRole('organizer')")
class DeliveryLogController {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLogController.class);

    private final DeliveryLog deliveries;

    DeliveryLogController(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    /** No subject or body: the log says what happened to an e-mail, not what it said. */
    record DeliveryView(String id, String eventId, String recipientId, String channel, NotificationKind kind, String to,
                        DeliveryStatus status, int attempts, String lastError, List<DeliveryAttempt> attemptLog,
                        Instant createdAt, Instant nextAttemptAt, Instant sentAt, boolean canSendAgain,
                        boolean refused) {

        static DeliveryView of(EmailDelivery d) {
            boolean failed = d.status() == DeliveryStatus.FAILED;
            return new DeliveryView(d.id(), d.eventId(), d.recipientId(), d.channel(), d.kind(), d.to(), d.status(),
                    d.attempts(), d.lastError(), d.attemptLog() == null ? List.of() : d.attemptLog(), d.createdAt(),
                    d.nextAttemptAt(), d.sentAt(), failed
                            && EmailDelivery.EMAIL.equals(d.channel()) && d.to() != null && d.body() != null,
                    failed && EmailDelivery.EMAIL.equals(d.channel()) && SmtpRefusals.isReply(d.lastError()));
        }
    }

    /** The channels of the log, as its rows name them. */
    enum Channel {
        EMAIL, SMS
    }

    record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
    }

    @GetMapping("${sdn.service.api-prefix}/admin/deliveries")
    DeliveryPage deliveries(@RequestParam(required = false) DeliveryStatus status,
                            @RequestParam(required = false) Channel channel,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String channelName = channel == null ? null : channel.name();
        List<DeliveryView> items = deliveries.page(status, channelName, page, size).stream().map(DeliveryView::of).toList();
        return new DeliveryPage(items, page, size, deliveries.count(status, channelName));
    }

    /** A failed e-mail sent again, at once (see {@link DeliveryLog#sendAgain}): the entry as it now waits. */
    @PostMapping("${sdn.service.api-prefix}/admin/deliveries/{id}/send-again")
    DeliveryView sendAgain(@PathVariable String id, @AuthenticationPrincipal Jwt organizer) {
        DeliveryView due = DeliveryView.of(deliveries.sendAgain(id));
        log.info("E-mail {} ({}) sent again at {}'s request", id, due.kind(), organizer.getSubject());
        return due;
    }
}
