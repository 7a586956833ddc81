package ml.sdn.notification;

import ml.sdn.events.registration.AttendanceConfirmed;
import ml.sdn.events.registration.AttendancePromoted;
import ml.sdn.events.registration.MemberInvited;
import ml.sdn.events.registration.ParticipantErased;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.notification.mail.EmailDelivery;
import ml.sdn.notification.sms.SmsDelivery;
import ml.sdn.notification.recipients.Recipient;
import ml.sdn.notification.recipients.Recipients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** A participant's erasure, from the real broker: the copy, the inbox, the e-mail queue and log. */
class ParticipantErasureIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate DAY = LocalDate.of(2026, 1, 29);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Recipients recipients;

    @Test
    void an_erased_participant_is_sent_nothing_more_their_inbox_goes_and_the_log_keeps_no_address() throws Exception {
        Participant awa = Participant.named("Awa Traoré", "BF", "fr");
        Instant registeredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        publish(ParticipantRegistered.TYPE, awa.id(), new ParticipantRegistered(awa.id(), awa.username(), awa.displayName(),
                awa.email(), "BF", "fr", registeredAt, "+22670000000", "Bobo-Dioulasso", "FEMALE"));
        await().atMost(WAIT).until(() -> mailsTo(awa.email()).size() == 1);
        // an invitation to her address, as to anyone without an account
        MemberInvited invitation = new MemberInvited(UUID.randomUUID().toString(), "org-1", "Kalanso", "owner-1", "Issa",
                awa.email(), "CTO", "fr", "/invitations/i/accept?token=t", Instant.now().plus(7, ChronoUnit.DAYS));
        publish(MemberInvited.TYPE, "org-1", invitation);
        await().atMost(WAIT).until(() -> mailsTo(awa.email()).size() == 2);

        // SMTP down: her confirmation waits in the queue
        SMTP.stop();
        String attendance = UUID.randomUUID().toString();
        publish(AttendanceConfirmed.TYPE, attendance, new AttendanceConfirmed(attendance, awa.id(), "BF", DAY, "SDN-A1", Instant.now()));
        await().atMost(WAIT).until(() -> deliveryOf(awa, NotificationKind.ATTENDANCE_CONFIRMED) != null
                && deliveryOf(awa, NotificationKind.ATTENDANCE_CONFIRMED).attempts() >= 1);
        assertThat(inboxOf(awa)).hasSize(2);

        Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String erasure = publish(ParticipantErased.TYPE, awa.id(), new ParticipantErased(awa.id(), erasedAt));

        await().atMost(WAIT).until(() -> recipients.find(awa.id()).map(Recipient::erased).orElse(false));
        await().atMost(WAIT).until(() -> inboxOf(awa).isEmpty());
        assertThat(recipients.find(awa.id())).contains(new Recipient(awa.id(), null, null, null, "BF", erasedAt, erasedAt, null));
        EmailDelivery cancelled = deliveryOf(awa, NotificationKind.ATTENDANCE_CONFIRMED);
        assertThat(cancelled.status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(cancelled.to()).isNull();
        assertThat(cancelled.body()).isNull();
        EmailDelivery welcome = deliveryOf(awa, NotificationKind.PROFILE_CREATED);
        assertThat(welcome.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(welcome.to()).isNull();
        assertThat(welcome.subject()).isNull();
        assertThat(welcome.attempts()).isEqualTo(1);
        assertThat(mongo.findOne(query(where("eventId").is(invitation.invitationId())), EmailDelivery.class).to())
                .as("the invitation sent to her address").isNull();
        // her confirmation by SMS (sent or cancelled, whichever came first) keeps neither her number nor its text
        SmsDelivery sms = mongo.findOne(query(where("recipientId").is(awa.id()).and("channel").is("SMS")), SmsDelivery.class);
        assertThat(sms.kind()).isEqualTo(NotificationKind.ATTENDANCE_CONFIRMED);
        assertThat(sms.to()).isNull();
        assertThat(sms.body()).isNull();

        // afterwards: an update produced before the erasure, the erasure redelivered, a promotion
        publish(ParticipantProfileUpdated.TYPE, awa.id(), new ParticipantProfileUpdated(awa.id(), awa.username(), "Awa T.",
                awa.email(), "BF", "fr", registeredAt, erasedAt.minusSeconds(60), null, null, null));
        publish(ParticipantErased.TYPE, awa.id(), new ParticipantErased(awa.id(), erasedAt), erasure);
        publish(AttendancePromoted.TYPE, attendance, new AttendancePromoted(attendance, awa.id(), "BF", DAY, "SDN-A1", Instant.now()));
        // markers behind them on the same partitions, then SMTP back
        Participant next = Participant.named("Hawa Koné", "ML", "fr");
        publish(ParticipantRegistered.TYPE, awa.id(), next.registered());
        publish(AttendanceConfirmed.TYPE, attendance, new AttendanceConfirmed(attendance, next.id(), "ML", DAY, "SDN-H1", Instant.now()));
        SMTP.start();
        await().atMost(WAIT).until(() -> mailsTo(next.email()).size() == 2);

        assertThat(recipients.find(awa.id())).contains(new Recipient(awa.id(), null, null, null, "BF", erasedAt, erasedAt, null));
        assertThat(inboxOf(awa)).isEmpty();
        assertThat(mongo.find(query(where("recipientId").is(awa.id()).and("channel").is("EMAIL")), EmailDelivery.class))
                .extracting(EmailDelivery::kind)
                .containsExactlyInAnyOrder(NotificationKind.PROFILE_CREATED, NotificationKind.ATTENDANCE_CONFIRMED);
        assertThat(mongo.count(query(where("recipientId").is(awa.id()).and("channel").is("SMS")), SmsDelivery.class))
                .as("no SMS of the promotion after the erasure").isEqualTo(1);
        assertThat(SMSC.messages()).noneMatch(message -> message.to().equals("+22670000000") && message.text().contains("libérée"));
        assertThat(deliveryOf(awa, NotificationKind.ATTENDANCE_CONFIRMED).status()).isEqualTo(DeliveryStatus.CANCELLED);
        // GreenMail forgets what it received when stopped: everything it holds now came after the erasure
        assertThat(mailsTo(awa.email())).as("nothing sent to her after the erasure").isEmpty();
        assertThat(mongo.find(query(where("key").is(awa.id())), Document.class, "dead_letters")).isEmpty();
    }

    @Test
    void an_erasure_arriving_before_the_profile_leaves_nothing_an_older_registration_can_revive() {
        Participant ghost = Participant.named("Fanta Camara", "ML", "fr");
        Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        publish(ParticipantErased.TYPE, ghost.id(), new ParticipantErased(ghost.id(), erasedAt));
        publish(ParticipantRegistered.TYPE, ghost.id(), new ParticipantRegistered(ghost.id(), ghost.username(),
                ghost.displayName(), ghost.email(), "ML", "fr", erasedAt.minus(1, ChronoUnit.DAYS), null, null, null));
        Participant marker = Participant.named("Oumou Sy", "ML", "fr");
        publish(ParticipantRegistered.TYPE, ghost.id(), marker.registered());

        await().atMost(WAIT).until(() -> inboxOf(marker).size() == 1);
        assertThat(recipients.find(ghost.id())).contains(new Recipient(ghost.id(), null, null, null, null, erasedAt, erasedAt, null));
        assertThat(inboxOf(ghost)).isEmpty();
        assertThat(mongo.exists(query(where("recipientId").is(ghost.id())), EmailDelivery.class)).isFalse();
    }

    private List<InboxItem> inboxOf(Participant participant) {
        return mongo.find(query(where("recipientId").is(participant.id())), InboxItem.class);
    }

    private EmailDelivery deliveryOf(Participant participant, NotificationKind kind) {
        return mongo.findOne(query(where("recipientId").is(participant.id()).and("kind").is(kind).and("channel").is("EMAIL")),
                EmailDelivery.class);
    }
}
