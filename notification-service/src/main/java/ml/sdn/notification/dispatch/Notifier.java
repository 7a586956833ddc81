package ml.sdn.notification.dispatch;

import ml.sdn.notification.inbox.Inbox;
import ml.sdn.notification.mail.DeliveryLog;
import ml.sdn.notification.recipients.Recipient;
import ml.sdn.notification.recipients.Recipients;
import ml.sdn.notification.templates.NotificationTemplates;
import ml.sdn.notification.templates.RenderedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns a {@link Notice} into an inbox item and a queued e-mail, in the recipient's language. Each
 * channel's write is guarded by its own unique key on (event, recipient, channel), so handling the
 * same notice again — a redelivered event, or a restart between the two writes — completes what is
 * missing and duplicates nothing.
 */
@Component
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Recipients recipients;
    private final NotificationTemplates templates;
    private final Inbox inbox;
    private final DeliveryLog deliveries;

    public Notifier(Recipients recipients, NotificationTemplates templates, Inbox inbox, DeliveryLog deliveries) {
        this.recipients = recipients;
        this.templates = templates;
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    public void notify(Notice notice) {
        Recipient recipient = recipients.find(notice.recipientId())
                .orElseThrow(() -> new UnknownRecipientException(notice.recipientId()));
        Map<String, Object> model = new HashMap<>(notice.model());
        model.put("recipientName", recipient.displayName() == null ? "" : recipient.displayName());
        RenderedMessage message = templates.render(notice.kind(), recipient.language(), model);

        boolean inApp = inbox.deliver(notice.eventId(), recipient.id(), notice.kind(), message);
        boolean email = recipient.hasEmail()
                && deliveries.enqueue(notice.eventId(), recipient.id(), recipient.email(), notice.kind(), message);
        log.info("{} for recipient {} from event {}: in-app {}, e-mail {}", notice.kind(), recipient.id(), notice.eventId(),
                inApp ? "added" : "already there", email ? "queued" : recipient.hasEmail() ? "already queued" : "no address");
    }
}
