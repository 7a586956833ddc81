package ml.sdn.notification;

import jakarta.mail.internet.MimeMessage;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.events.registration.SessionMoved;
import ml.sdn.events.registration.SessionPlaceGiven;
import ml.sdn.events.registration.SessionReminderDue;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.InboxItem;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A moved session, and a place given from a session's waiting list, from the real broker into each person's inbox
 * and mailbox, in their language.
 */
class ProgrammeNoticesIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MongoTemplate mongo;

    @Test
    void everybody_registered_for_a_moved_session_is_told_once_in_their_language() throws Exception {
        Participant awa = welcomed(Participant.named("Awa Traoré", "BF", "fr"));
        Participant moussa = welcomed(Participant.named("Moussa Issa", "NE", "en"));
        String session = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        SessionMoved moved = new SessionMoved(session, "Atelier IA et état civil", "AI and civil registration workshop",
                Instant.parse("2026-01-29T10:00:00Z"), Instant.parse("2026-01-29T11:30:00Z"), "Salle Mali",
                Instant.parse("2026-01-29T10:00:00Z"), Instant.parse("2026-01-29T11:30:00Z"), "Salle Niger",
                List.of(awa.id(), moussa.id()), Instant.now());

        publish(SessionMoved.TYPE, session, moved, eventId);
        publish(SessionMoved.TYPE, session, moved, eventId);

        String french = "Changement au programme : « Atelier IA et état civil » change de salle";
        String english = "Programme change: \"AI and civil registration workshop\" moves to another room";
        await().atMost(WAIT).until(() -> mailsWithSubject(awa, french).size() == 1 && mailsWithSubject(moussa, english).size() == 1);
        assertThat(((String) mailsWithSubject(awa, french).get(0).getContent()).replace("\r\n", "\n")).startsWith("Bonjour Awa Traoré,")
                .contains("Quand : le jeudi 29 janvier 2026 à 10:00 (heure de Bamako, GMT), jusqu'à 11:30\nOù : Salle Niger")
                .contains("Elle ne se tient plus en « Salle Mali ».")
                .doesNotContain("prévue");
        assertThat(((String) mailsWithSubject(moussa, english).get(0).getContent()).replace("\r\n", "\n")).startsWith("Hello Moussa Issa,")
                .contains("When: Thursday, January 29, 2026 at 10:00 (Bamako time, GMT), until 11:30\nWhere: Salle Niger");
        assertThat(inboxOf(awa.id())).filteredOn(item -> item.kind() == NotificationKind.SESSION_MOVED)
                .singleElement().satisfies(item -> assertThat(item.subject()).isEqualTo(french));
        assertThat(inboxOf(moussa.id())).filteredOn(item -> item.kind() == NotificationKind.SESSION_MOVED)
                .singleElement().satisfies(item -> assertThat(item.eventId()).isEqualTo(eventId));

        // a later move of the same session (same partition): once it is in, the redelivery above was handled
        String later = UUID.randomUUID().toString();
        publish(SessionMoved.TYPE, session, new SessionMoved(session, "Atelier IA et état civil", "AI and civil registration workshop",
                Instant.parse("2026-01-29T10:00:00Z"), Instant.parse("2026-01-29T11:30:00Z"), "Salle Niger",
                Instant.parse("2026-01-30T15:00:00Z"), Instant.parse("2026-01-30T16:00:00Z"), "Salle Niger",
                List.of(awa.id()), Instant.now()), later);
        await().atMost(WAIT).until(() -> inboxOf(awa.id()).stream().filter(i -> i.kind() == NotificationKind.SESSION_MOVED).count() == 2);
        assertThat(inboxOf(awa.id())).extracting(InboxItem::subject)
                .contains("Changement au programme : « Atelier IA et état civil » change d'horaire");
        assertThat(mailsWithSubject(awa, french)).hasSize(1);
        assertThat(mailsWithSubject(moussa, english)).hasSize(1);
        assertThat(inboxOf(moussa.id()).stream().filter(i -> i.kind() == NotificationKind.SESSION_MOVED).count()).isEqualTo(1);
        assertThat(mongo.find(query(where("key").is(session)), Document.class, "dead_letters")).isEmpty();
    }

    @Test
    void a_place_given_from_the_waiting_list_is_told_once_to_that_person_in_their_language() throws Exception {
        Participant fatou = welcomed(Participant.named("Fatou Sanou", "BF", "en"));
        String session = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        SessionPlaceGiven given = new SessionPlaceGiven(session, fatou.id(), "Atelier IA et état civil",
                "AI and civil registration workshop", Instant.parse("2026-01-30T15:00:00Z"),
                Instant.parse("2026-01-30T16:30:00Z"), "Salle Niger", Instant.now());

        publish(SessionPlaceGiven.TYPE, session, given, eventId);
        publish(SessionPlaceGiven.TYPE, session, given, eventId);

        String subject = "A place for you: \"AI and civil registration workshop\"";
        await().atMost(WAIT).until(() -> mailsWithSubject(fatou, subject).size() == 1);
        assertThat(((String) mailsWithSubject(fatou, subject).get(0).getContent()).replace("\r\n", "\n"))
                .startsWith("Hello Fatou Sanou,")
                .contains("When: Friday, January 30, 2026 at 15:00 (Bamako time, GMT), until 16:30\nWhere: Salle Niger");
        // a later event on the same partition: once it is in, the redelivery above was handled
        String later = UUID.randomUUID().toString();
        publish(SessionPlaceGiven.TYPE, session, new SessionPlaceGiven(session, fatou.id(), "Autre atelier", "Another workshop",
                Instant.parse("2026-01-31T09:00:00Z"), Instant.parse("2026-01-31T10:00:00Z"), "Salle Mali", Instant.now()), later);
        await().atMost(WAIT).until(() -> inboxOf(fatou.id()).stream().filter(i -> i.kind() == NotificationKind.SESSION_PLACE_GIVEN).count() == 2);
        assertThat(mailsWithSubject(fatou, subject)).hasSize(1);
        assertThat(inboxOf(fatou.id())).filteredOn(item -> item.eventId().equals(eventId)).singleElement()
                .satisfies(item -> assertThat(item.kind()).isEqualTo(NotificationKind.SESSION_PLACE_GIVEN));
    }

    @Test
    void the_day_before_each_person_holding_a_place_is_reminded_once_in_their_language() throws Exception {
        Participant awa = welcomed(Participant.named("Awa Maïga", "ML", "fr"));
        Participant issa = welcomed(Participant.named("Issa Kaboré", "BF", "en"));
        String session = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        SessionReminderDue due = new SessionReminderDue(session, "Atelier IA et état civil", "AI and civil registration workshop",
                Instant.parse("2026-01-30T15:00:00Z"), Instant.parse("2026-01-30T16:30:00Z"), "Salle Niger",
                List.of(awa.id(), issa.id()), Instant.now());

        publish(SessionReminderDue.TYPE, session, due, eventId);
        publish(SessionReminderDue.TYPE, session, due, eventId);

        String french = "C'est demain : « Atelier IA et état civil »";
        String english = "Tomorrow: \"AI and civil registration workshop\"";
        await().atMost(WAIT).until(() -> mailsWithSubject(awa, french).size() == 1 && mailsWithSubject(issa, english).size() == 1);
        assertThat(((String) mailsWithSubject(awa, french).get(0).getContent()).replace("\r\n", "\n"))
                .startsWith("Bonjour Awa Maïga,").contains("Où : Salle Niger, Centre International de Conférence de Bamako");
        // a later event on the same partition: once it is in, the redelivery above was handled
        String later = UUID.randomUUID().toString();
        publish(SessionReminderDue.TYPE, session, new SessionReminderDue(session, "Autre atelier", "Another workshop",
                Instant.parse("2026-01-31T09:00:00Z"), Instant.parse("2026-01-31T10:00:00Z"), "Salle Mali",
                List.of(awa.id()), Instant.now()), later);
        await().atMost(WAIT).until(() -> inboxOf(awa.id()).stream().filter(i -> i.kind() == NotificationKind.SESSION_REMINDER).count() == 2);
        assertThat(mailsWithSubject(awa, french)).hasSize(1);
        assertThat(inboxOf(issa.id())).filteredOn(item -> item.kind() == NotificationKind.SESSION_REMINDER).singleElement()
                .satisfies(item -> assertThat(item.eventId()).isEqualTo(eventId));
    }

    private Participant welcomed(Participant participant) {
        publish(ParticipantRegistered.TYPE, participant.id(), participant.registered());
        await().atMost(WAIT).until(() -> mailsTo(participant.email()).size() == 1);
        return participant;
    }

    private List<InboxItem> inboxOf(String recipientId) {
        return mongo.find(query(where("recipientId").is(recipientId)), InboxItem.class);
    }

    private static List<MimeMessage> mailsWithSubject(Participant participant, String subject) {
        return mailsTo(participant.email()).stream().filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
