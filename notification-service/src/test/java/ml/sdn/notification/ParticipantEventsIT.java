package ml.sdn.notification;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import ml.sdn.events.CloudEventHeaders;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantDelegationChanged;
import ml.sdn.events.registration.ParticipantProfileUpdated;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.catalogue.Language;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.inbox.Inbox;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.notification.mail.EmailDelivery;
import ml.sdn.notification.mail.EmailSender;
import ml.sdn.notification.recipients.Recipient;
import ml.sdn.notification.recipients.Recipients;
import ml.sdn.notification.templates.RenderedMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ParticipantEventsIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Recipients recipients;

    @Autowired
    Inbox inbox;

    @Test
    void a_new_participant_gets_one_welcome_in_the_inbox_and_one_french_email() throws Exception {
        Participant awa = Participant.named("Awa Traoré", "BF", "fr");

        String eventId = publish(ParticipantRegistered.TYPE, awa.id(), awa.registered());

        await().atMost(WAIT).until(() -> mailsTo(awa.email()).size() == 1);
        MimeMessage mail = mailsTo(awa.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("Bienvenue à la Semaine du Numérique, Awa Traoré");
        assertThat((String) mail.getContent()).startsWith("Bonjour Awa Traoré,").contains("Pays : Burkina Faso");
        assertThat(mail.getHeader("Content-Language")).containsExactly("fr");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("no-reply@semainedunumerique.ml");

        List<InboxItem> items = itemsOf(awa);
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(NotificationKind.PROFILE_CREATED);
            assertThat(item.eventId()).isEqualTo(eventId);
            assertThat(item.subject()).isEqualTo(mail.getSubject());
            assertThat(item.read()).isFalse();
        });
        assertThat(deliveriesOf(awa)).singleElement().satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(mail.getHeader(EmailSender.DELIVERY_HEADER)).containsExactly(delivery.id());
        });
    }

    @Test
    void a_participant_who_prefers_english_is_written_to_in_english() throws Exception {
        Participant moussa = Participant.named("Moussa Issa", "NE", "en");

        publish(ParticipantRegistered.TYPE, moussa.id(), moussa.registered());

        await().atMost(WAIT).until(() -> mailsTo(moussa.email()).size() == 1);
        MimeMessage mail = mailsTo(moussa.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("Welcome to the Semaine du Numérique, Moussa Issa");
        assertThat((String) mail.getContent()).startsWith("Hello Moussa Issa,").contains("Country: Niger");
        assertThat(itemsOf(moussa)).singleElement()
                .satisfies(item -> assertThat(item.body()).startsWith("Hello Moussa Issa,"));
    }

    @Test
    void the_same_event_delivered_twice_gives_one_notification_and_one_email() {
        Participant fatou = Participant.named("Fatou Diallo", "ML", "fr");
        ParticipantRegistered registered = fatou.registered();
        String eventId = UUID.randomUUID().toString();

        publish(ParticipantRegistered.TYPE, fatou.id(), registered, eventId);
        publish(ParticipantRegistered.TYPE, fatou.id(), registered, eventId);
        // same key, so same partition, read after both copies: once it shows, both copies were handled
        publish(ParticipantProfileUpdated.TYPE, fatou.id(), updated(fatou, "Fatou D.", "fr", Instant.now().plusSeconds(1)));

        await().atMost(WAIT).until(() -> recipients.find(fatou.id()).map(Recipient::displayName).orElse(""),
                "Fatou D."::equals);
        await().atMost(WAIT).until(() -> deliveriesOf(fatou).stream().allMatch(d -> d.status() == DeliveryStatus.SENT)
                && !deliveriesOf(fatou).isEmpty());
        assertThat(itemsOf(fatou)).hasSize(1);
        assertThat(deliveriesOf(fatou)).hasSize(1);
        assertThat(mailsTo(fatou.email())).hasSize(1);
    }

    @Test
    void an_event_handled_halfway_before_a_restart_completes_without_duplicating() {
        Participant ali = Participant.named("Ali Maïga", "ML", "fr");
        String eventId = UUID.randomUUID().toString();
        // as if the service died after the inbox write and before queuing the e-mail
        inbox.deliver(eventId, ali.id(), NotificationKind.PROFILE_CREATED,
                new RenderedMessage(Language.FR, "Bienvenue", "Bonjour"));

        publish(ParticipantRegistered.TYPE, ali.id(), ali.registered(), eventId);

        await().atMost(WAIT).until(() -> mailsTo(ali.email()).size() == 1);
        assertThat(itemsOf(ali)).hasSize(1);
        assertThat(deliveriesOf(ali)).singleElement()
                .satisfies(delivery -> assertThat(delivery.eventId()).isEqualTo(eventId));
    }

    @Test
    void a_newer_profile_wins_over_older_events_arriving_late() {
        Participant kadi = Participant.named("Kadi Ouédraogo", "BF", "fr");
        Instant registeredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        ParticipantRegistered registered = new ParticipantRegistered(kadi.id(), kadi.username(), "Kadi Ouédraogo",
                kadi.email(), "BF", "fr", registeredAt, null, null, null);
        publish(ParticipantRegistered.TYPE, kadi.id(), registered);
        publish(ParticipantProfileUpdated.TYPE, kadi.id(), updated(kadi, "Kadidia Ouédraogo", "en", registeredAt.plusSeconds(30)));
        // older events, replayed late (under new event ids)
        publish(ParticipantProfileUpdated.TYPE, kadi.id(), updated(kadi, "K. O.", "fr", registeredAt.plusSeconds(10)));
        publish(ParticipantRegistered.TYPE, kadi.id(), registered);

        // the replayed registration is the last record of the partition: its welcome shows it was handled
        await().atMost(WAIT).until(() -> itemsOf(kadi).size() == 2);
        Recipient recipient = recipients.find(kadi.id()).orElseThrow();
        assertThat(recipient.displayName()).isEqualTo("Kadidia Ouédraogo");
        assertThat(recipient.preferredLanguage()).isEqualTo("en");
        assertThat(recipient.asOf()).isEqualTo(registeredAt.plusSeconds(30));
        assertThat(itemsOf(kadi)).extracting(InboxItem::subject)
                .containsOnly("Bienvenue à la Semaine du Numérique, Kadi Ouédraogo",
                        "Welcome to the Semaine du Numérique, Kadidia Ouédraogo");
    }

    @Test
    void an_organizers_move_to_another_delegation_is_followed_and_an_older_move_arriving_late_changes_nothing() {
        Participant awa = Participant.named("Awa Diallo", "ML", "fr");
        Instant registeredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        publish(ParticipantRegistered.TYPE, awa.id(), new ParticipantRegistered(awa.id(), awa.username(), "Awa Diallo",
                awa.email(), "ML", "fr", registeredAt, null, null, null));
        ParticipantDelegationChanged toBurkina = new ParticipantDelegationChanged(awa.id(), "ML", "BF", "Vit à Ouagadougou",
                "sub-org", registeredAt.plusSeconds(10));
        publish(ParticipantDelegationChanged.TYPE, awa.id(), toBurkina);
        publish(ParticipantDelegationChanged.TYPE, awa.id(), new ParticipantDelegationChanged(awa.id(), "BF", "NE",
                "Transfert", "sub-org", registeredAt.plusSeconds(20)));
        publish(ParticipantDelegationChanged.TYPE, awa.id(), toBurkina);
        // a later profile event on the same partition shows everything before it was handled
        Participant marker = Participant.named("Marqueur", "ML", "fr");
        publish(ParticipantRegistered.TYPE, awa.id(), new ParticipantRegistered(marker.id(), marker.username(), "Marqueur",
                marker.email(), "ML", "fr", registeredAt, null, null, null));

        await().atMost(WAIT).until(() -> recipients.find(marker.id()).isPresent());
        Recipient recipient = recipients.find(awa.id()).orElseThrow();
        assertThat(recipient.country()).isEqualTo("NE");
        assertThat(recipient.displayName()).as("only the country moves").isEqualTo("Awa Diallo");
        assertThat(recipient.asOf()).isEqualTo(registeredAt.plusSeconds(20));
    }

    @Test
    void an_unreadable_record_goes_to_the_dead_letter_topic_and_the_consumer_keeps_going() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        publishRaw(Topics.REGISTRATION_PARTICIPANTS, key, "{this is not json".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE, ParticipantRegistered.TYPE.type()));
        Participant next = Participant.named("Binta Sow", "ML", "fr");
        publish(ParticipantRegistered.TYPE, next.id(), next.registered());

        await().atMost(WAIT).until(() -> itemsOf(next).size() == 1);
        String organizer = ISSUER.token("organizer-ml", "ML", "organizer");
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/notifications/admin/dead-letters?size=200")
                        .header("Authorization", "Bearer " + organizer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.key == '%s')].originalTopic", key).value(Topics.REGISTRATION_PARTICIPANTS))
                .andExpect(jsonPath("$.items[?(@.key == '%s')].payload", key).value("{this is not json"))
                // on notification-service's own DLT (id = <dlt>-<partition>-<offset>), which no other service reads
                .andExpect(jsonPath("$.items[?(@.key == '%s')].id", key).value(
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith(
                                "registration.participants.notification-service.DLT-")))));
    }

    @Test
    void an_event_that_cannot_be_handled_is_retried_then_dead_lettered_and_the_consumer_keeps_going() throws Exception {
        String key = "nobody-" + UUID.randomUUID();
        // readable, but breaks the contract: no participant id, no time
        publish(ParticipantRegistered.TYPE, key,
                new ParticipantRegistered(null, "x", "X", "x@demo.sdn.ml", "ML", "fr", null, null, null, null));
        Participant next = Participant.named("Hawa Koné", "ML", "fr");
        publish(ParticipantRegistered.TYPE, next.id(), next.registered());

        await().atMost(WAIT).until(() -> itemsOf(next).size() == 1);
        String organizer = ISSUER.token("organizer-ml", "ML", "organizer");
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/notifications/admin/dead-letters?size=200")
                        .header("Authorization", "Bearer " + organizer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.key == '%s')].eventType", key)
                        .value(ParticipantRegistered.TYPE.type())));
    }

    @Test
    void an_event_type_this_service_does_not_know_is_skipped_without_a_dead_letter() throws Exception {
        Participant zara = Participant.named("Zara Hama", "NE", "fr");
        publishRaw(Topics.REGISTRATION_PARTICIPANTS, zara.id(), "{\"participantId\":\"x\",\"badge\":42}".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE, "sdn.registration.something-new.v1"));
        publish(ParticipantRegistered.TYPE, zara.id(), zara.registered());

        // same key, same partition: the welcome comes after the unknown record was dealt with
        await().atMost(WAIT).until(() -> itemsOf(zara).size() == 1);
        mvc.perform(get("/api/notifications/admin/dead-letters?size=200")
                        .header("Authorization", "Bearer " + ISSUER.token("organizer-ml", "ML", "organizer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.key == '%s')]", zara.id()).isEmpty());
    }

    @Test
    void an_organizer_replays_a_dead_letter_to_its_topic() throws Exception {
        String key = "replayed-" + UUID.randomUUID();
        publishRaw(Topics.REGISTRATION_PARTICIPANTS, key, "not json either".getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE, ParticipantRegistered.TYPE.type()));
        String organizer = ISSUER.token("organizer-bf", "BF", "organizer");
        String path = "$.items[?(@.key == '%s')].id";
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/notifications/admin/dead-letters?size=200")
                        .header("Authorization", "Bearer " + organizer))
                .andExpect(jsonPath(path, key).value(hasSize(1))));
        String id = JsonPath.<List<String>>read(mvc.perform(get("/api/notifications/admin/dead-letters?size=200")
                .header("Authorization", "Bearer " + organizer)).andReturn().getResponse().getContentAsString(),
                path.formatted(key)).get(0);

        mvc.perform(post("/api/notifications/admin/dead-letters/" + id + "/replay")
                        .header("Authorization", "Bearer " + organizer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replayCount").value(1));

        // still unreadable: back on the DLT as a second dead letter, and the consumer still goes on
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/notifications/admin/dead-letters?size=200")
                        .header("Authorization", "Bearer " + organizer))
                .andExpect(jsonPath(path, key).value(hasSize(2))));
    }

    private static ParticipantProfileUpdated updated(Participant p, String displayName, String language, Instant at) {
        return new ParticipantProfileUpdated(p.id(), p.username(), displayName, p.email(), p.country(), language,
                at.minusSeconds(3600), at, null, null, null);
    }

    private List<InboxItem> itemsOf(Participant participant) {
        return mongo.find(query(where("recipientId").is(participant.id())), InboxItem.class);
    }

    private List<EmailDelivery> deliveriesOf(Participant participant) {
        return mongo.find(query(where("recipientId").is(participant.id())), EmailDelivery.class);
    }
}
