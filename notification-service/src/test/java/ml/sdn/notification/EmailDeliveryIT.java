package ml.sdn.notification;

import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.mail.DeliveryAttempt;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.notification.mail.EmailDelivery;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class EmailDeliveryIT extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MongoTemplate mongo;

    @Test
    void while_smtp_is_down_the_email_waits_and_is_retried_then_arrives_once_it_is_back() throws Exception {
        Participant seydou = Participant.named("Seydou Keïta", "ML", "fr");
        SMTP.stop();

        publish(ParticipantRegistered.TYPE, seydou.id(), seydou.registered());

        await().atMost(WAIT).until(() -> delivery(seydou) != null && delivery(seydou).attempts() >= 2);
        EmailDelivery waiting = delivery(seydou);
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.attemptLog()).allSatisfy(attempt -> assertThat(attempt.accepted()).isFalse());

        SMTP.start();

        await().atMost(WAIT).until(() -> mailsTo(seydou.email()).size() == 1);
        await().atMost(WAIT).until(() -> delivery(seydou).status() == DeliveryStatus.SENT);
        EmailDelivery sent = delivery(seydou);
        assertThat(sent.attempts()).isGreaterThanOrEqualTo(3);
        assertThat(sent.attemptLog()).hasSize(sent.attempts());
        assertThat(sent.attemptLog().get(sent.attempts() - 1).accepted()).isTrue();
        assertThat(sent.attemptLog().subList(0, sent.attempts() - 1))
                .allSatisfy(attempt -> assertThat(attempt.error()).isNotBlank());
        assertThat(sent.sentAt()).isNotNull();
        assertThat(mailsTo(seydou.email())).hasSize(1);

        // organizers read the same log
        mvc.perform(get("/api/notifications/admin/deliveries?status=SENT&size=100")
                        .header("Authorization", "Bearer " + ISSUER.token("organizer-ne", "NE", "organizer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.recipientId == '%s')].attempts", seydou.id())
                        .value(sent.attempts()))
                .andExpect(jsonPath("$.items[?(@.recipientId == '%s')].lastError", seydou.id())
                        .value(sent.lastError()))
                .andExpect(jsonPath("$.items[0].body").doesNotExist())
                .andExpect(jsonPath("$.total", greaterThanOrEqualTo(1)));
    }

    @Test
    void an_email_that_cannot_be_built_is_given_up_at_once_and_the_inbox_still_gets_it() {
        Participant broken = Participant.named("Adresse Cassée", "ML", "fr");
        ParticipantRegistered registered = broken.registered();

        publish(ParticipantRegistered.TYPE, broken.id(), new ParticipantRegistered(registered.participantId(),
                registered.username(), registered.displayName(), "<broken@", registered.country(),
                registered.preferredLanguage(), registered.registeredAt(), null, null, null));

        await().atMost(WAIT).until(() -> delivery(broken) != null && delivery(broken).status() == DeliveryStatus.FAILED);
        assertThat(delivery(broken).attempts()).isEqualTo(1);
        assertThat(delivery(broken).lastError()).startsWith("MailPreparationException");
        assertThat(mongo.exists(query(where("recipientId").is(broken.id())), InboxItem.class)).isTrue();
    }

    @Test
    void the_service_stays_ready_while_smtp_is_down() throws Exception {
        SMTP.stop();

        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        // e-mails wait in the queue meanwhile: no health check of the service looks at SMTP
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void only_organizers_read_the_delivery_log() throws Exception {
        mvc.perform(get("/api/notifications/admin/deliveries")
                        .header("Authorization", "Bearer " + ISSUER.token("participant-ml", "ML", "participant")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=LOST", "channel=FAX", "size=0", "size=101", "page=-1"})
    void a_bad_delivery_log_query_is_a_400_naming_the_parameter(String parameter) throws Exception {
        mvc.perform(get("/api/notifications/admin/deliveries?" + parameter)
                        .header("Authorization", "Bearer " + ISSUER.token("organizer-ml", "ML", "organizer")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value(parameter.substring(0, parameter.indexOf('='))));
    }

    @Test
    void an_organizer_sends_a_failed_e_mail_again_and_it_arrives_once() throws Exception {
        String to = "renvoi-" + UUID.randomUUID() + "@example.org";
        EmailDelivery failed = failedEmail(to, "Bonjour, voici votre accusé de réception.", EmailDelivery.EMAIL, DeliveryStatus.FAILED);

        mvc.perform(post("/api/notifications/admin/deliveries/" + failed.id() + "/send-again").header("Authorization", organizer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.canSendAgain").value(false));

        await().atMost(WAIT).until(() -> mailsTo(to).size() == 1);
        await().atMost(WAIT).until(() -> mongo.findById(failed.id(), EmailDelivery.class).status() == DeliveryStatus.SENT);
        EmailDelivery sent = mongo.findById(failed.id(), EmailDelivery.class);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.attemptLog()).last().satisfies(attempt -> assertThat(attempt.accepted()).isTrue());
        // sent, it cannot be sent again: a double click sends it once
        mvc.perform(post("/api/notifications/admin/deliveries/" + failed.id() + "/send-again").header("Authorization", organizer()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("pas en échec")));
        assertThat(mailsTo(to)).hasSize(1);
    }

    @Test
    void what_cannot_be_sent_again_is_a_clear_problem_and_stays_as_it_was() throws Exception {
        EmailDelivery textGone = failedEmail("lien-" + UUID.randomUUID() + "@example.org", null, EmailDelivery.EMAIL,
                DeliveryStatus.FAILED);
        EmailDelivery sms = failedEmail("+22370000000", "Code", "SMS", DeliveryStatus.FAILED);

        mvc.perform(post("/api/notifications/admin/deliveries/" + textGone.id() + "/send-again").header("Authorization", organizer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ne peut plus être renvoyé")));
        mvc.perform(post("/api/notifications/admin/deliveries/" + sms.id() + "/send-again").header("Authorization", organizer())
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("only an e-mail")));
        mvc.perform(post("/api/notifications/admin/deliveries/" + ObjectId.get().toHexString() + "/send-again")
                        .header("Authorization", organizer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(mongo.findById(textGone.id(), EmailDelivery.class).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(mongo.findById(sms.id(), EmailDelivery.class).status()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void only_organizers_send_an_e_mail_again() throws Exception {
        EmailDelivery failed = failedEmail("attaque-" + UUID.randomUUID() + "@example.org", "Texte", EmailDelivery.EMAIL,
                DeliveryStatus.FAILED);

        mvc.perform(post("/api/notifications/admin/deliveries/" + failed.id() + "/send-again")
                        .header("Authorization", "Bearer " + ISSUER.token("participant-ml", "ML", "participant")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/notifications/admin/deliveries/" + failed.id() + "/send-again")
                        .header("Authorization", "Bearer " + ISSUER.token("coordinator-bf", "BF", "coordinator")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/notifications/admin/deliveries/" + failed.id() + "/send-again"))
                .andExpect(status().isUnauthorized());
        assertThat(mongo.findById(failed.id(), EmailDelivery.class).status()).isEqualTo(DeliveryStatus.FAILED);
    }

    /** A delivery as the log holds it once given up (the ways to get there are tested above). */
    private EmailDelivery failedEmail(String to, String body, String channel, DeliveryStatus status) {
        Instant then = Instant.now().minusSeconds(3600);
        return mongo.insert(new EmailDelivery(ObjectId.get().toHexString(), "event-" + UUID.randomUUID(),
                UUID.randomUUID().toString(), channel, NotificationKind.APPLICATION_SUBMITTED, to, "fr", "Accusé de réception",
                body, status, 1, "550 mailbox unavailable", List.of(new DeliveryAttempt(then, false, "550 mailbox unavailable")),
                then, null, null, null));
    }

    private static String organizer() {
        return "Bearer " + ISSUER.token("organizer-ml", "ML", "organizer");
    }

    private EmailDelivery delivery(Participant participant) {
        return mongo.findOne(query(where("recipientId").is(participant.id())), EmailDelivery.class);
    }
}
