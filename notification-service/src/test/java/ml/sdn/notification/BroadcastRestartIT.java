package ml.sdn.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import ml.sdn.events.Topics;
import ml.sdn.events.registration.ParticipantRegistered;
import ml.sdn.notification.inbox.InboxItem;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.notification.mail.EmailDelivery;
import ml.sdn.notification.mail.EmailSender;
import ml.sdn.testing.CloudEventSender;
import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.ServiceApi;
import ml.sdn.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * A message to a group survives a restart of the service: notification-service is stopped (its application
 * closed, as a redeploy stops it) while a message to a few hundred people is being delivered, and a new one
 * is started on the same broker, store and SMTP server. Every person of the audience then has it exactly once in
 * their inbox and exactly once in their mailbox; nobody outside the audience has it. Its own broker, store and
 * SMTP server (not {@link IntegrationTestSupport}'s shared application, which would take over the work of the
 * stopped one and hide the restart). No e-mail at all goes out twice: an e-mail handed to this instance's senders
 * renews its lease when a sender takes it, or the poll would send it as well once it had waited longer than its lease
 * (seen here before that renewal: 93 of 320 welcome e-mails twice).
 */
class BroadcastRestartIT {

    /** Enough people that delivering them all takes many polls of the state below: the stop lands mid-way. */
    private static final int AUDIENCE = 300;
    private static final int OUTSIDERS = 20;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String SUBJECT = "Appel du jour du pitch";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TestIssuer ISSUER = TestIssuer.start();
    private static final EmbeddedMongo MONGO = EmbeddedMongo.start();
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void infrastructure() {
        SMTP.start();
        broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.REGISTRATION_PARTICIPANTS, Topics.REGISTRATION_ORGANIZATIONS,
                Topics.REGISTRATION_ATTENDANCE, Topics.COMPETITION_APPLICATIONS, Topics.COMPETITION_CATEGORIES,
                Topics.COMPETITION_JURY);
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stop() {
        broker.destroy();
        SMTP.stop();
        MONGO.close();
        ISSUER.close();
    }

    @Test
    void a_message_being_delivered_when_the_service_restarts_reaches_each_person_once_by_inbox_and_email() {
        List<IntegrationTestSupport.Participant> niger = new ArrayList<>();
        List<IntegrationTestSupport.Participant> mali = new ArrayList<>();
        ConfigurableApplicationContext first = start();
        String broadcast;
        long inboxAtStop;
        long sentAtStop;
        try (CloudEventSender registration = new CloudEventSender(broker.getBrokersAsString(), "/sdn/registration-service")) {
            for (int i = 0; i < AUDIENCE + OUTSIDERS; i++) {
                IntegrationTestSupport.Participant person = IntegrationTestSupport.Participant.named(
                        "Personne " + i, i < AUDIENCE ? "NE" : "ML", i % 2 == 0 ? "fr" : "en");
                (i < AUDIENCE ? niger : mali).add(person);
                registration.send(Topics.REGISTRATION_PARTICIPANTS, null, person.id(), UUID.randomUUID().toString(),
                        ParticipantRegistered.TYPE.type(), JSON.writeValueAsString(person.registered()));
            }
            MongoTemplate store = first.getBean(MongoTemplate.class);
            await().atMost(WAIT).until(() -> store.getCollection("recipients").countDocuments() == AUDIENCE + OUTSIDERS);
            // their welcome e-mails out first, so that the message's own are the ones the restart interrupts
            await().atMost(WAIT).until(() -> store.count(query(where("status").is(DeliveryStatus.SENT)), EmailDelivery.class)
                    == AUDIENCE + OUTSIDERS);

            ServiceApi api = new ServiceApi(port(first));
            String organizer = ISSUER.token("organizer-ml", "ML", "organizer");
            ServiceApi.Response sent = api.postJson("/api/notifications/admin/broadcasts", organizer, """
                    {"audience":"COUNTRY","country":"NE","subjectFr":"%s","bodyFr":"Le pitch commence à 9 h.",
                     "subjectEn":"Today's pitch call","bodyEn":"The pitch starts at 9 a.m.","sms":false}""".formatted(SUBJECT));
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            assertThat(sent.json().path("recipients").asLong()).isEqualTo(AUDIENCE);
            broadcast = sent.json().path("id").asString();

            // the stop comes as soon as the message's first e-mail is out: inboxes being written, e-mails being sent
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> store.count(query(where("eventId").is(broadcast)
                    .and("status").is(DeliveryStatus.SENT)), EmailDelivery.class) > 0);
            inboxAtStop = store.count(query(where("eventId").is(broadcast)), InboxItem.class);
            sentAtStop = store.count(query(where("eventId").is(broadcast).and("status").is(DeliveryStatus.SENT)), EmailDelivery.class);
        } finally {
            first.close();
        }
        long mailedBeforeTheRestart = mailsOf().size();
        System.out.printf("stopped with %d of %d inboxes written and %d e-mails sent; %d in the SMTP server once stopped%n",
                inboxAtStop, AUDIENCE, sentAtStop, mailedBeforeTheRestart);
        assertThat(mailedBeforeTheRestart).as("e-mails of the message in the SMTP server when the service stopped: "
                + "the restart must land in the middle of the delivery").isLessThan(AUDIENCE);

        ConfigurableApplicationContext second = start();
        try {
            MongoTemplate store = second.getBean(MongoTemplate.class);
            // done: every e-mail of the message sent, none claimed by an instance any more (nothing left to send)
            await().atMost(WAIT).until(() -> store.count(query(where("eventId").is(broadcast)
                    .and("status").is(DeliveryStatus.SENT).and("claim").is(null)), EmailDelivery.class) == AUDIENCE
                    && store.count(query(where("eventId").is(broadcast)), InboxItem.class) == AUDIENCE);

            assertThat(store.count(query(where("eventId").is(broadcast)), EmailDelivery.class)).isEqualTo(AUDIENCE);
            Map<String, Long> inboxes = store.find(query(where("eventId").is(broadcast)), InboxItem.class).stream()
                    .collect(Collectors.groupingBy(InboxItem::recipientId, Collectors.counting()));
            assertThat(inboxes).hasSize(AUDIENCE).allSatisfy((person, count) -> assertThat(count).as(person).isEqualTo(1));
            assertThat(inboxes.keySet()).containsExactlyInAnyOrderElementsOf(niger.stream().map(IntegrationTestSupport.Participant::id).toList());
        } finally {
            second.close();
        }
        // the SMTP server's word: one e-mail of the message per person of Niger, in their language, none to Mali
        Map<String, Long> mailboxes = mailsOf().stream().collect(Collectors.groupingBy(BroadcastRestartIT::recipient,
                Collectors.counting()));
        assertThat(mailboxes).containsOnlyKeys(niger.stream().map(IntegrationTestSupport.Participant::email).toList())
                .allSatisfy((address, count) -> assertThat(count).as(address).isEqualTo(1));
        Map<String, MimeMessage> byAddress = mailsOf().stream().collect(Collectors.toMap(BroadcastRestartIT::recipient,
                Function.identity()));
        assertThat(subject(byAddress.get(niger.get(0).email()))).isEqualTo(SUBJECT);
        assertThat(subject(byAddress.get(niger.get(1).email()))).isEqualTo("Today's pitch call");
        // and no e-mail at all went out twice, the welcome e-mails included (one per entry of the delivery log)
        List<String> deliveries = Arrays.stream(SMTP.getReceivedMessages()).map(BroadcastRestartIT::deliveryId).toList();
        assertThat(deliveries).hasSize(2 * AUDIENCE + OUTSIDERS).doesNotHaveDuplicates();
    }

    /** The service as its container starts it, on the test's broker, store, token issuer and SMTP server. */
    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(NotificationServiceApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + MONGO.uri(),
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER.issuerUri(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + ISSUER.jwkSetUri(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + SMTP.getSmtp().getPort(),
                "--sdn.mail.poll-interval=200ms",
                // an e-mail the stopped instance had claimed but not sent goes out soon after the new one starts; the
                // hand-over is small enough that no e-mail waits in it longer than that lease (the in-memory store's
                // findAndModify is not atomic, so a lease run out could be claimed by the poll and the sender at once)
                "--sdn.mail.lease=15s",
                "--sdn.mail.handover-capacity=20",
                "--sdn.sms.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The e-mails of the message the SMTP server holds, in either language (the welcome e-mails are not). */
    private static List<MimeMessage> mailsOf() {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(mail -> List.of(SUBJECT, "Today's pitch call").contains(subject(mail)))
                .toList();
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String deliveryId(MimeMessage mail) {
        try {
            return mail.getHeader(EmailSender.DELIVERY_HEADER)[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
