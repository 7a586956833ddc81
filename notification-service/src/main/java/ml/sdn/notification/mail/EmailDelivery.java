package ml.sdn.notification.mail;

import ml.sdn.notification.catalogue.NotificationKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * An e-mail to send, and its delivery log: status, attempts, last error and every attempt made.
 * {@code (eventId, recipientId, channel)} is unique. The message is rendered when queued, so that
 * every retry sends the same text.
 *
 * <p>{@code eventId} is the id of the event that caused it and {@code recipientId} the person's id, except
 * for an e-mail to an address that is not a known recipient (an invitation): there both name what the
 * e-mail is about ({@code eventId} = the invitation id, {@code recipientId} = {@code invitation:<id>}),
 * so it is sent once per invitation whatever event carries it. After the recipient's erasure {@code to},
 * {@code subject} and {@code body} are gone; a body holding a secret goes once the e-mail is final.
 */
@Document(DeliveryLog.COLLECTION)
public record EmailDelivery(
        @Id String id,
        String eventId,
        String recipientId,
        String channel,
        NotificationKind kind,
        String to,
        String language,
        String subject,
        String body,
        DeliveryStatus status,
        int attempts,
        String lastError,
        List<DeliveryAttempt> attemptLog,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String claim) {

    public static final String EMAIL = "EMAIL";
}
