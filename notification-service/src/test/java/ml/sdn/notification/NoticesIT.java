package ml.sdn.notification;

import jakarta.mail.internet.MimeMessage;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.EmailDelivery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What the competition and incubation notice ITs share: a person known to the service (welcomed, so
 * their address and language are in its copy), what reached their inbox and mailbox, fresh ids.
 */
abstract class NoticesIT extends IntegrationTestSupport {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    protected MongoTemplate mongo;

    /** Registers the person and waits for the welcome e-mail, so later notices find their address and language. */
    protected Participant welcomed(Participant participant) {
        publish(ParticipantRegistered.TYPE, participant.id(), participant.registered());
        await().atMost(WAIT).until(() -> mailsTo(participant.email()).size() == 1);
        return participant;
    }

    protected List<InboxItem> inboxOf(Participant participant) {
        return mongo.find(query(where("recipientId").is(participant.id())), InboxItem.class);
    }

    protected List<EmailDelivery> deliveriesTo(Participant participant) {
        return mongo.find(query(where("recipientId").is(participant.id())), EmailDelivery.class);
    }

    protected static MimeMessage mailWithSubject(Participant participant, String subject) {
        return mailsWithSubject(participant, subject).stream().findFirst()
                .orElseThrow(() -> new AssertionError("No e-mail \"" + subject + "\" to " + participant.email() + " among "
                        + subjects(participant)));
    }

    protected static List<MimeMessage> mailsWithSubject(Participant participant, String subject) {
        return mailsTo(participant.email()).stream().filter(m -> subject.equals(subject(m))).toList();
    }

    protected static List<String> subjects(Participant participant) {
        return mailsTo(participant.email()).stream().map(NoticesIT::subject).toList();
    }

    protected static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
