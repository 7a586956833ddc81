package ml.sdn.notification.inbox;

import ml.sdn.notification.catalogue.NotificationKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One in-app notification. {@code (eventId, recipientId)} is unique in the collection: the in-app
 * channel's share of the "one notification per event, recipient and channel" rule.
 */
@Document(Inbox.COLLECTION)
public record InboxItem(
        @Id String id,
        String recipientId,
        String eventId,
        NotificationKind kind,
        String subject,
        String body,
        Instant createdAt,
        Instant readAt) {

    public boolean read() {
        return readAt != null;
    }
}
