package ml.sdn.notification.broadcasts;

import ml.sdn.events.Topics;
import ml.sdn.events.notification.BroadcastRequested;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.dispatch.Notice;
import ml.sdn.notification.dispatch.Notifier;
import ml.sdn.notification.recipients.Recipient;
import ml.sdn.notification.recipients.Recipients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Delivers a message to a group: each person the event names gets it in their language, in the inbox, by
 * e-mail and, when ticked, by SMS. Every write is keyed by (message id, person, channel), so a redelivery or a
 * restart in the middle of the list completes it and sends nothing twice. Someone erased since the send gets
 * nothing.
 */
@Component
@KafkaListener(topics = Topics.NOTIFICATION_BROADCASTS, groupId = "${spring.application.name}",
        concurrency = "${sdn.notification.listener-concurrency:3}")
class BroadcastListener {

    private static final Logger log = LoggerFactory.getLogger(BroadcastListener.class);

    private final Recipients recipients;
    private final Notifier notifier;

    BroadcastListener(Recipients recipients, Notifier notifier) {
        this.recipients = recipients;
        this.notifier = notifier;
    }

    @KafkaHandler
    void on(BroadcastRequested event) {
        if (event.broadcastId() == null || event.recipientIds() == null) {
            throw new IllegalArgumentException("Broadcast event without its id or recipients");
        }
        Map<String, Object> model = Map.of("subjectFr", event.subjectFr(), "bodyFr", event.bodyFr(),
                "subjectEn", event.subjectEn(), "bodyEn", event.bodyEn());
        int reached = 0;
        for (String recipientId : event.recipientIds()) {
            Recipient recipient = recipients.find(recipientId).orElse(null);
            if (recipient == null) {
                continue;
            }
            notifier.broadcast(new Notice(event.broadcastId(), NotificationKind.BROADCAST, recipientId, model), recipient,
                    event.sms());
            reached++;
        }
        log.info("Broadcast {}: {} of {} people handled", event.broadcastId(), reached, event.recipientIds().size());
    }

    @KafkaHandler(isDefault = true)
    void ignore(Object unknown) {
        log.debug("Ignoring an event type notification-service does not handle: {}", unknown.getClass().getSimpleName());
    }
}
