package ml.sdn.notification.mail;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import ml.sdn.notification.catalogue.Language;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.templates.RenderedMessage;
import ml.sdn.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's rules against the MongoDB-protocol store: claims, leases, backoff, giving up. */
class DeliveryLogTest {

    private static EmbeddedMongo store;
    private static MongoClient client;

    private MongoTemplate mongo;
    private DeliveryLog log;

    private final MailDeliveryProperties properties = new MailDeliveryProperties("no-reply@example.org",
            Duration.ofSeconds(2), 20, Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofMinutes(15), 3);

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
        log = new DeliveryLog(mongo, properties);
    }

    @Test
    void queues_one_email_per_event_and_recipient() {
        assertThat(log.enqueue("event-1", "awa", "awa@example.org", NotificationKind.PROFILE_CREATED, message())).isTrue();
        assertThat(log.enqueue("event-1", "awa", "awa@example.org", NotificationKind.PROFILE_CREATED, message())).isFalse();
        assertThat(log.enqueue("event-1", "issa", "issa@example.org", NotificationKind.PROFILE_CREATED, message())).isTrue();

        assertThat(log.count(DeliveryStatus.PENDING)).isEqualTo(2);
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
    }

    private EmailDelivery stored(EmailDelivery delivery) {
        return mongo.findById(delivery.id(), EmailDelivery.class);
    }

    /** Moves every e-mail's next attempt to the past, as time passing would. */
    private void makeDue() {
        mongo.updateMulti(new Query(), Update.update("nextAttemptAt", Instant.now().minusSeconds(1)), EmailDelivery.class);
    }

    private static RenderedMessage message() {
        return new RenderedMessage(Language.FR, "Bienvenue", "Bonjour\n");
    }
}
