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
 * write, so a send accepted is a send done, whatever restarts in between. {@code country} is the audience's
 * country (null: everyone), {@code day} the day its people held a place for (null: any); {@code recipients}
 * how many people it had when sent.
 */
@Document(Broadcast.COLLECTION)
record Broadcast(
        @Id String id,
        String sentBy,
        String country,
        String day,
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
