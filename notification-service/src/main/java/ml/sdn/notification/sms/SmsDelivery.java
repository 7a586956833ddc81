package ml.sdn.notification.sms;

import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.mail.DeliveryAttempt;
import ml.sdn.notification.mail.DeliveryStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * An SMS to send, and its delivery log, in the e-mail's collection with {@code channel = SMS} and the same
 * field names, so that the one delivery log lists both. {@code (eventId, recipientId, channel)} is unique.
 * The text is rendered when queued; {@code messageIds} holds the SMSC's id of each segment accepted so far,
 * in order, so that a retry sends only the segments not yet accepted, and the delivery receipts (one per
 * segment, {@code sms_receipts}) find it: DELIVERED once every segment is, FAILED with the SMSC's reason
 * as soon as one is not. After the recipient's erasure {@code to} and {@code body} are gone. {@code segments} is
 * counted when queued (what the budget charged), {@code country} is the recipient's (ML, BF, NE; null when
 * unknown), for the organizers' statistics. IN_DOUBT: the submit of segment {@code messageIds.size()} got no
 * answer (the connection dropped, or no answer in time), so the SMSC may have taken it or not; {@code
 * doubtReference} is the {@code user_message_reference} it was sent with, by which its delivery receipt is
 * recognised; {@code nextAttemptAt} is when it is sent again if no receipt came.
 */
@Document(SmsLog.COLLECTION)
public record SmsDelivery(
        @Id String id,
        String eventId,
        String recipientId,
        String channel,
        NotificationKind kind,
        String to,
        String language,
        String body,
        DeliveryStatus status,
        int attempts,
        String lastError,
        List<DeliveryAttempt> attemptLog,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String claim,
        List<String> messageIds,
        Integer segments,
        Instant deliveredAt,
        String country,
        Integer doubtReference) {

    public static final String SMS = "SMS";

    List<String> accepted() {
        return messageIds == null ? List.of() : messageIds;
    }
}
