package ml.sdn.notification.mail;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ml.sdn.notification.catalogue.Language;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.templates.RenderedMessage;
import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's rules against the MongoDB-protocol store: claims, leases, backoff, giving up. */
class DeliveryLogTest {

    private static EmbeddedMongo store;
    private static MongoClient client;

    private MongoTemplate mongo;
    private DeliveryLog log;
    private SimpleMeterRegistry meters;

    private final MailDeliveryProperties properties = new MailDeliveryProperties("no-reply@example.org",
            Duration.ofSeconds(2), 20, Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(15), 3, 2, 1000);

    @BeforeAll
    static void startStore() {
        store = EmbeddedMongo.start();
        client = MongoClients.create(store.uri());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        store.close();
    }

    @BeforeEach
    void emptyQueue() {
        mongo = new MongoTemplate(client, "delivery_log_test");
        mongo.dropCollection(EmailDelivery.class);
        meters = new SimpleMeterRegistry();
        log = new DeliveryLog(mongo, properties, new DeliveryOutcomes(meters), Clock.systemUTC());
    }

    @Test
    void queues_one_email_per_event_and_recipient() {
        assertThat(log.enqueue("event-1", "awa", "awa@example.org", NotificationKind.PROFILE_CREATED, message())).isTrue();
        assertThat(log.enqueue("event-1", "awa", "awa@example.org", NotificationKind.PROFILE_CREATED, message())).isFalse();
        assertThat(log.enqueue("event-1", "issa", "issa@example.org", NotificationKind.PROFILE_CREATED, message())).isTrue();

        assertThat(log.count(DeliveryStatus.PENDING)).isEqualTo(2);
    }

    /** Due, claimed, tried: the log's times all come from its clock (the service's one), never from the system's. */
    @Test
    void an_email_is_due_and_tried_at_the_times_of_the_logs_clock() {
        MutableClock clock = new MutableClock(Instant.parse("2027-01-28T09:00:00Z"));
        DeliveryLog atNine = new DeliveryLog(mongo, properties, new DeliveryOutcomes(meters), clock);
        atNine.enqueue("event-clock", "awa", "awa@example.org", NotificationKind.PROFILE_CREATED, message());

        EmailDelivery claimed = atNine.claimNextDue().orElseThrow();
        assertThat(claimed.createdAt()).isEqualTo(clock.instant());
        assertThat(claimed.nextAttemptAt()).isEqualTo(clock.instant().plus(properties.lease()));
        clock.advance(Duration.ofMinutes(1));
        atNine.recordFailure(claimed, "down", false);

        EmailDelivery failed = mongo.findById(claimed.id(), EmailDelivery.class);
        assertThat(failed.attemptLog()).singleElement().satisfies(attempt -> assertThat(attempt.at()).isEqualTo(clock.instant()));
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plus(properties.backoff().after(1)));
        assertThat(atNine.claimNextDue()).as("not due before its backoff, by the log's clock").isEmpty();
        clock.advance(properties.backoff().after(1));
        assertThat(atNine.claimNextDue()).as("due once the log's clock reaches it").isPresent();
    }

    @Test
    void the_log_is_read_by_status_and_by_channel() {
        log.enqueue("event-1", "awa", "awa@example.org", NotificationKind.PROFILE_CREATED, message());
        log.enqueue("event-1", "issa", "issa@example.org", NotificationKind.PROFILE_CREATED, message());
        // the SMS channel writes its rows in the same collection, with channel SMS
        mongo.updateFirst(Query.query(Criteria.where("recipientId").is("issa")), Update.update("channel", "SMS"),
                EmailDelivery.class);

        assertThat(log.page(null, "SMS", 0, 10)).extracting(EmailDelivery::recipientId).containsExactly("issa");
        assertThat(log.page(DeliveryStatus.PENDING, "EMAIL", 0, 10)).extracting(EmailDelivery::recipientId).containsExactly("awa");
        assertThat(log.count(null, "SMS")).isEqualTo(1);
        assertThat(log.count(DeliveryStatus.SENT, "SMS")).isZero();
        assertThat(log.count(DeliveryStatus.PENDING, null)).isEqualTo(2);
        assertThat(log.page(null, 0, 10)).hasSize(2);
    }

    @Test
    void a_claimed_email_is_not_handed_to_a_second_sender_during_its_lease() {
        log.enqueue("event-1", "awa", "awa@example.org", NotificationKind.PROFILE_CREATED, message());

        EmailDelivery first = log.claimNextDue().orElseThrow();

        assertThat(first.claim()).isNotBlank();
        assertThat(first.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(log.claimNextDue()).isEmpty();
    }

    @Test
    void a_failed_attempt_waits_its_backoff_and_is_logged() {
        log.enqueue("event-1", "awa", "awa@example.org", NotificationKind.PROFILE_CREATED, message());
        EmailDelivery claimed = log.claimNextDue().orElseThrow();

        log.recordFailure(claimed, "MailSendException: Connection refused", false);

        EmailDelivery after = stored(claimed);
        assertThat(after.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.lastError()).isEqualTo("MailSendException: Connection refused");
        assertThat(after.claim()).isNull();
        assertThat(after.nextAttemptAt()).isBetween(Instant.now().plusSeconds(8), Instant.now().plusSeconds(11));
        assertThat(after.attemptLog()).singleElement().satisfies(attempt -> {
            assertThat(attempt.accepted()).isFalse();
            assertThat(attempt.error()).contains("Connection refused");
        });
        assertThat(log.claimNextDue()).as("not due before its backoff").isEmpty();
    }

    @Test
    void gives_up_after_the_last_allowed_attempt() {
        log.enqueue("event-1", "awa", "awa@example.org", NotificationKind.PROFILE_CREATED, message());
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            makeDue();
            log.recordFailure(log.claimNextDue().orElseThrow(), "down", false);
        }

        EmailDelivery failed = mongo.findAll(EmailDelivery.class).get(0);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.attemptLog()).hasSize(3);
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(count("EMAIL", "retried")).isEqualTo(2);
        assertThat(count("EMAIL", "failed")).isEqualTo(1);
        assertThat(count("SMS", "failed")).as("every series exists from the start").isZero();
    }

    @Test
    void a_message_that_cannot_be_built_fails_at_once() {
        log.enqueue("event-1", "awa", "not an address", NotificationKind.PROFILE_CREATED, message());

        log.recordFailure(log.claimNextDue().orElseThrow(), "MailPreparationException: bad address", true);

        EmailDelivery failed = mongo.findAll(EmailDelivery.class).get(0);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
    }

    @Test
    void a_sender_whose_lease_ran_out_cannot_overwrite_the_next_senders_outcome() {
        log.enqueue("event-1", "awa", "awa@example.org", NotificationKind.PROFILE_CREATED, message());
        EmailDelivery slow = log.claimNextDue().orElseThrow();
        makeDue();
        EmailDelivery next = log.claimNextDue().orElseThrow();

        log.recordSent(next);
        log.recordFailure(slow, "timed out", false);

        EmailDelivery stored = stored(next);
        assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(stored.lastError()).isNull();
        assertThat(stored.sentAt()).isNotNull();
        assertThat(count("EMAIL", "sent")).isEqualTo(1);
        assertThat(count("EMAIL", "retried")).as("the late sender's failure is not counted").isZero();
    }

    @Test
    void erasing_a_recipient_cancels_what_waits_and_keeps_their_log_without_address_or_text() {
        log.enqueue("event-1", "awa", "awa@example.org", NotificationKind.PROFILE_CREATED, message());
        EmailDelivery bounced = log.claimNextDue().orElseThrow();
        log.recordFailure(bounced, "SMTPAddressFailedException: 550 <AWA@example.org> unknown", true);
        // an invitation to her address, before she had an account
        log.enqueue("invitation-1", "invitation:invitation-1", "Awa@Example.org", NotificationKind.MEMBER_INVITED, message());
        EmailDelivery invitation = log.claimNextDue().orElseThrow();
        log.recordSent(invitation);
        log.enqueue("event-2", "awa", "awa@example.org", NotificationKind.ATTENDANCE_PROMOTED, message());
        log.enqueue("event-3", "issa", "issa@example.org", NotificationKind.PROFILE_CREATED, message());

        assertThat(log.erase("awa", "awa@example.org")).isEqualTo(1);

        EmailDelivery failed = stored(bounced);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.to()).isNull();
        assertThat(failed.subject()).isNull();
        assertThat(failed.body()).isNull();
        assertThat(failed.lastError()).isEqualTo("SMTPAddressFailedException: 550 [erased] unknown");
        assertThat(failed.attemptLog()).singleElement()
                .satisfies(attempt -> assertThat(attempt.error()).isEqualTo(failed.lastError()));
        EmailDelivery waiting = byEvent("event-2");
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(waiting.to()).isNull();
        assertThat(waiting.nextAttemptAt()).isNull();
        EmailDelivery sentInvitation = stored(invitation);
        assertThat(sentInvitation.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sentInvitation.to()).isNull();
        assertThat(byEvent("event-3").to()).isEqualTo("issa@example.org");
        // only Issa's e-mail is still to be sent
        assertThat(log.claimNextDue()).hasValueSatisfying(next -> assertThat(next.recipientId()).isEqualTo("issa"));
        assertThat(log.claimNextDue()).isEmpty();
        assertThat(log.erase("awa", null)).as("a second erasure finds nothing more").isZero();
    }

    @Test
    void a_body_holding_a_secret_is_dropped_once_the_email_is_sent_or_given_up() {
        log.enqueue("invitation-1", "invitation:invitation-1", "a@example.org", NotificationKind.MEMBER_INVITED, message());
        log.recordSent(log.claimNextDue().orElseThrow());
        log.enqueue("invitation-2", "invitation:invitation-2", "b@example.org", NotificationKind.MEMBER_INVITED, message());
        log.recordFailure(log.claimNextDue().orElseThrow(), "MailPreparationException: bad address", true);
        log.enqueue("event-1", "awa", "awa@example.org", NotificationKind.PROFILE_CREATED, message());
        log.recordSent(log.claimNextDue().orElseThrow());

        assertThat(byEvent("invitation-1").status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(byEvent("invitation-1").body()).isNull();
        assertThat(byEvent("invitation-1").subject()).isEqualTo("Bienvenue");
        assertThat(byEvent("invitation-2").status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(byEvent("invitation-2").body()).isNull();
        assertThat(byEvent("event-1").body()).isEqualTo("Bonjour\n");
    }

    @Test
    void an_address_is_taken_out_of_an_error_whatever_its_case() {
        assertThat(DeliveryLog.withoutAddress("550 Awa.T@Example.org rejected; awa.t@example.org unknown", "awa.t@example.org"))
                .isEqualTo("550 [erased] rejected; [erased] unknown");
        assertThat(DeliveryLog.withoutAddress("Connection refused", "awa@example.org", null)).isEqualTo("Connection refused");
        assertThat(DeliveryLog.withoutAddress(null, "awa@example.org")).isNull();
    }

    private EmailDelivery byEvent(String eventId) {
        return mongo.findOne(Query.query(Criteria.where("eventId").is(eventId)), EmailDelivery.class);
    }

    private EmailDelivery stored(EmailDelivery delivery) {
        return mongo.findById(delivery.id(), EmailDelivery.class);
    }

    /** Moves every e-mail's next attempt to the past, as time passing would. */
    private double count(String channel, String outcome) {
        return meters.get("sdn.notification.deliveries").tag("channel", channel).tag("outcome", outcome).counter().count();
    }

    private void makeDue() {
        mongo.updateMulti(new Query(), Update.update("nextAttemptAt", Instant.now().minusSeconds(1)), EmailDelivery.class);
    }

    private static RenderedMessage message() {
        return new RenderedMessage(Language.FR, "Bienvenue", "Bonjour\n");
    }
}
