package ml.sdn.notification;

import jakarta.mail.internet.MimeMessage;
import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.AttendanceCancelled;
import ml.sdn.events.registration.AttendanceConfirmed;
import ml.sdn.events.registration.AttendancePromoted;
import ml.sdn.events.registration.AttendanceWaitListed;
import ml.sdn.events.registration.CheckedIn;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.notification.mail.EmailDelivery;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Attendance events from the real broker into inbox items and e-mails received over SMTP. */
class AttendanceNoticesIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocalDate THURSDAY = LocalDate.of(2026, 1, 29);
    private static final LocalDate FRIDAY = LocalDate.of(2026, 1, 30);

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_promoted_participant_finds_their_place_in_the_inbox_and_by_email_once_even_if_the_event_comes_twice() throws Exception {
        Participant moussa = welcomed(Participant.named("Moussa Issa", "NE", "en"));
        String attendance = UUID.randomUUID().toString();
        String promotion = UUID.randomUUID().toString();
        AttendancePromoted promoted = new AttendancePromoted(attendance, moussa.id(), "NE", THURSDAY, "SDN-7Q2K", Instant.now());

        publish(AttendancePromoted.TYPE, attendance, promoted, promotion);
        publish(AttendancePromoted.TYPE, attendance, promoted, promotion);

        String subject = "Good news: a place has freed up, you are registered for Thursday, January 29, 2026";
        await().atMost(WAIT).until(() -> mailsWithSubject(moussa, subject).size() == 1);
        MimeMessage mail = mailsWithSubject(moussa, subject).get(0);
        assertThat((String) mail.getContent()).startsWith("Hello Moussa Issa,")
                .contains("A place has freed up for Thursday, January 29, 2026 and it is yours.")
                .contains("Your badge code: SDN-7Q2K");
        assertThat(mail.getHeader("Content-Language")).containsExactly("en");
        assertThat(inboxOf(moussa.id())).filteredOn(item -> item.kind() == NotificationKind.ATTENDANCE_PROMOTED)
                .singleElement().satisfies(item -> {
                    assertThat(item.subject()).isEqualTo(subject);
                    assertThat(item.eventId()).isEqualTo(promotion);
                    assertThat(item.read()).isFalse();
                });

        // a later event on the same attendance (same partition): once it shows, the redelivery was handled
        publish(AttendanceCancelled.TYPE, attendance, new AttendanceCancelled(attendance, moussa.id(), "NE", THURSDAY, Instant.now()));
        await().atMost(WAIT).until(() -> inboxOf(moussa.id()).size() == 3);
        await().atMost(WAIT).until(() -> deliveriesTo(moussa.id()).stream().allMatch(d -> d.status() == DeliveryStatus.SENT));
        assertThat(mailsWithSubject(moussa, subject)).hasSize(1);
        assertThat(deliveriesTo(moussa.id())).extracting(EmailDelivery::kind).containsExactlyInAnyOrder(
                NotificationKind.PROFILE_CREATED, NotificationKind.ATTENDANCE_PROMOTED, NotificationKind.ATTENDANCE_CANCELLED);
    }

    @Test
    void a_participant_hears_of_each_step_in_french_and_a_check_in_or_an_unknown_event_tells_them_nothing() throws Exception {
        Participant awa = welcomed(Participant.named("Awa Traoré", "BF", "fr"));
        String thursday = UUID.randomUUID().toString();
        String friday = UUID.randomUUID().toString();

        publish(AttendanceConfirmed.TYPE, friday, new AttendanceConfirmed(friday, awa.id(), "BF", FRIDAY, "SDN-F1", Instant.now()));
        publish(AttendanceWaitListed.TYPE, thursday, new AttendanceWaitListed(thursday, awa.id(), "BF", THURSDAY, 2, Instant.now()));
        publish(AttendancePromoted.TYPE, thursday, new AttendancePromoted(thursday, awa.id(), "BF", THURSDAY, "SDN-T1", Instant.now()));
        publish(CheckedIn.TYPE, thursday, new CheckedIn(thursday, awa.id(), "BF", THURSDAY, "organizer-bf", Instant.now()));
        publishRaw(Topics.REGISTRATION_ATTENDANCE, thursday, ("{\"attendanceId\":\"" + thursday + "\"}").getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE, "sdn.registration.badge-reprinted.v1"));
        publish(AttendanceCancelled.TYPE, thursday, new AttendanceCancelled(thursday, awa.id(), "BF", THURSDAY, Instant.now()));

        await().atMost(WAIT).until(() -> inboxOf(awa.id()).size() == 5);
        assertThat(inboxOf(awa.id())).extracting(InboxItem::kind).containsExactlyInAnyOrder(
                NotificationKind.PROFILE_CREATED, NotificationKind.ATTENDANCE_CONFIRMED, NotificationKind.ATTENDANCE_WAIT_LISTED,
                NotificationKind.ATTENDANCE_PROMOTED, NotificationKind.ATTENDANCE_CANCELLED);
        assertThat(inboxOf(awa.id())).extracting(InboxItem::subject).contains(
                "Votre place est confirmée pour le vendredi 30 janvier 2026",
                "Liste d'attente du jeudi 29 janvier 2026 : vous êtes en position 2",
                "Bonne nouvelle : une place s'est libérée, vous êtes inscrit(e) le jeudi 29 janvier 2026",
                "Votre inscription du jeudi 29 janvier 2026 est annulée");
        await().atMost(WAIT).until(() -> mailsTo(awa.email()).size() == 5);
        MimeMessage waitListed = mailsTo(awa.email()).stream().filter(m -> subject(m).startsWith("Liste d'attente"))
                .findFirst().orElseThrow();
        assertThat((String) waitListed.getContent()).contains("en position 2")
                .contains("L'équipe de la Semaine du Numérique");
        assertThat(mongo.find(query(where("key").in(thursday, friday)), Document.class, "dead_letters")).isEmpty();
    }

    @Test
    void a_notice_that_overtakes_the_participants_profile_waits_for_it_instead_of_failing() throws Exception {
        Participant binta = Participant.named("Binta Sow", "ML", "fr");
        String attendance = UUID.randomUUID().toString();

        publish(AttendanceConfirmed.TYPE, attendance,
                new AttendanceConfirmed(attendance, binta.id(), "ML", THURSDAY, "SDN-B1", Instant.now()));
        await().atMost(WAIT).until(() -> mongo.exists(query(where("recipientId").is(binta.id())), "held_notices"));
        assertThat(inboxOf(binta.id())).isEmpty();

        publish(ParticipantRegistered.TYPE, binta.id(), binta.registered());

        await().atMost(WAIT).until(() -> inboxOf(binta.id()).size() == 2);
        await().atMost(WAIT).until(() -> mailsTo(binta.email()).size() == 2);
        assertThat(mailsTo(binta.email())).extracting(AttendanceNoticesIT::subject)
                .contains("Votre place est confirmée pour le jeudi 29 janvier 2026");
        assertThat(mongo.exists(query(where("recipientId").is(binta.id())), "held_notices")).isFalse();
        assertThat(mongo.find(query(where("key").is(attendance)), Document.class, "dead_letters")).isEmpty();
    }

    private Participant welcomed(Participant participant) {
        publish(ParticipantRegistered.TYPE, participant.id(), participant.registered());
        await().atMost(WAIT).until(() -> mailsTo(participant.email()).size() == 1);
        return participant;
    }

    private List<InboxItem> inboxOf(String recipientId) {
        return mongo.find(query(where("recipientId").is(recipientId)), InboxItem.class);
    }

    private List<EmailDelivery> deliveriesTo(String recipientId) {
        return mongo.find(query(where("recipientId").is(recipientId)), EmailDelivery.class);
    }

    private static List<MimeMessage> mailsWithSubject(Participant participant, String subject) {
        return mailsTo(participant.email()).stream().filter(m -> subject.equals(subject(m))).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
