package ml.sdn.notification.broadcasts;

import ml.sdn.platform.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A message to a group, as its sender wrote it, with its {@code BroadcastRequested} event waiting in
 * {@code outbox} until the platform's relay has published it: the message and the order to send it are one
 * write, so a send accepted is a send done, whatever restarts in between. {@code audience} is the {@link Audience}'s
 * kind, {@code country} its country (null: every delegation), {@code day} its day (null: any), {@code category}
 * (with its code, to name it), {@code status} and {@code edition} its other choices; {@code recipients} how many
 * people it had when sent. A message stored before audiences had kinds has none: everyone or a delegation.
 */
@Document(Broadcast.COLLECTION)
record Broadcast(
        @Id String id,
        String sentBy,
        String audience,
        String country,
        String day,
        String category,
        String categoryCode,
        String status,
        String edition,
        String subjectFr,
        String bodyFr,
        String subjectEn,
        String bodyEn,
        boolean sms,
        int recipients,
        Instant requestedAt,
        List<PendingEvent> outbox,
        @Version Long version) {

    static final String COLLECTION = "broadcasts";
}
