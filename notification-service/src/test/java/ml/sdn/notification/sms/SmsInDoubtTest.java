package ml.sdn.notification.sms;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.mail.DeliveryAttempt;
import ml.sdn.notification.mail.DeliveryOutcomes;
import ml.sdn.notification.mail.DeliveryStatus;
import ml.sdn.testing.EmbeddedMongo;
import ml.sdn.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * An SMS whose submit got no answer is in doubt: its delivery receipt (matched by the echoed
 * {@code user_message_reference} and the handset) settles it without a resend; no receipt within the window, it
 * is sent again. Against the MongoDB-protocol store; time moved by the one clock, nothing waits.
 */
class SmsInDoubtTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final String PHONE = "+22790123456";

    private static EmbeddedMongo store;
    private static MongoClient client;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private MongoTemplate mongo;
    private SmsLog log;

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
    void emptyLog() {
        mongo = new MongoTemplate(client, "sms_in_doubt_test");
        mongo.dropCollection(SmsDelivery.class);
        mongo.dropCollection(SmsLog.Receipt.class);
        log = new SmsLog(mongo, properties(), new DeliveryOutcomes(new SimpleMeterRegistry()), clock);
    }

    @Test
    void a_submit_without_an_answer_is_in_doubt_and_its_receipt_settles_it_as_delivered_without_a_resend() {
        SmsDelivery sending = queueAndClaim("event-1", 1);
        int reference = SmsLog.reference(sending.id(), 0);

        log.recordInDoubt(sending, reference, "no answer from the SMSC to segment 1: connection reset");

        SmsDelivery doubt = find(sending);
        assertThat(doubt.status()).isEqualTo(DeliveryStatus.IN_DOUBT);
        assertThat(doubt.doubtReference()).isEqualTo(reference);
        assertThat(doubt.lastError()).contains("in doubt");
        assertThat(doubt.nextAttemptAt()).isEqualTo(clock.instant().plus(WINDOW));
        clock.advance(WINDOW.minusSeconds(1));
        assertThat(log.claimNextDue()).as("not sent again within the window").isEmpty();

        // the SMSC comes back and sends the receipt of what it took, echoing the reference
        log.recordReceipt("smsc-41", true, "stat:DELIVRD err:000", PHONE, reference);

        SmsDelivery settled = find(sending);
        assertThat(settled.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(settled.messageIds()).containsExactly("smsc-41");
        assertThat(settled.doubtReference()).isNull();
        assertThat(settled.attempts()).isEqualTo(1);
        assertThat(settled.attemptLog()).extracting(DeliveryAttempt::error).last().isEqualTo(SmsLog.SETTLED);
        clock.advance(WINDOW);
        assertThat(log.claimNextDue()).as("never sent again").isEmpty();
    }

    @Test
    void an_sms_in_doubt_with_no_receipt_within_the_window_is_sent_again_and_a_late_receipt_settles_nothing() {
        SmsDelivery sending = queueAndClaim("event-2", 1);
        int reference = SmsLog.reference(sending.id(), 0);
        log.recordInDoubt(sending, reference, "no answer from the SMSC to segment 1: no answer in time");
        // a receipt of another SMS to the same phone settles nothing
        log.recordReceipt("smsc-other", true, "stat:DELIVRD err:000", PHONE, (reference + 1) & 0xFFFF);
        assertThat(find(sending).status()).isEqualTo(DeliveryStatus.IN_DOUBT);

        clock.advance(WINDOW);
        SmsDelivery again = log.claimNextDue().orElseThrow();

        assertThat(again.id()).isEqualTo(sending.id());
        assertThat(again.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(again.doubtReference()).isNull();
        assertThat(again.messageIds()).isEmpty();
        assertThat(again.lastError()).isEqualTo(SmsLog.NO_RECEIPT);
        // a receipt of the first attempt coming now does not take it back: the resend goes on
        log.recordReceipt("smsc-late", true, "stat:DELIVRD err:000", PHONE, reference);
        assertThat(find(sending).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(log.recordSegment(again, "smsc-42")).isTrue();
        log.recordSubmitted(again, 1);
        log.recordReceipt("smsc-42", true, "stat:DELIVRD err:000", PHONE, reference);
        assertThat(find(sending).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(find(sending).attempts()).isEqualTo(2);
    }

    @Test
    void a_long_sms_in_doubt_on_its_second_segment_settled_by_its_receipt_sends_only_the_third() {
        SmsDelivery sending = queueAndClaim("event-3", 3);
        assertThat(log.recordSegment(sending, "smsc-1")).isTrue();
        int second = SmsLog.reference(sending.id(), 1);
        log.recordInDoubt(sending, second, "no answer from the SMSC to segment 2: connection reset");

        log.recordReceipt("smsc-2", true, "stat:DELIVRD err:000", PHONE, second);

        SmsDelivery rest = log.claimNextDue().orElseThrow();
        assertThat(rest.messageIds()).containsExactly("smsc-1", "smsc-2");
        assertThat(rest.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(log.recordSegment(rest, "smsc-3")).isTrue();
        log.recordSubmitted(rest, 3);
        log.recordReceipt("smsc-1", true, "stat:DELIVRD err:000", PHONE, SmsLog.reference(sending.id(), 0));
        log.recordReceipt("smsc-3", true, "stat:DELIVRD err:000", PHONE, SmsLog.reference(sending.id(), 2));
        assertThat(find(sending).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void a_receipt_that_came_before_the_doubt_was_recorded_settles_it_at_once() {
        SmsDelivery sending = queueAndClaim("event-4", 1);
        int reference = SmsLog.reference(sending.id(), 0);
        // the SMSC sent the receipt at once, then the connection dropped before its answer to the submit was read
        log.recordReceipt("smsc-7", false, "stat:UNDELIV err:001", PHONE, reference);

        log.recordInDoubt(sending, reference, "no answer from the SMSC to segment 1: connection reset");

        SmsDelivery settled = find(sending);
        assertThat(settled.messageIds()).containsExactly("smsc-7");
        assertThat(settled.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(settled.lastError()).isEqualTo("SMSC: stat:UNDELIV err:001");
    }

    @Test
    void references_differ_between_segments_and_between_sms_queued_one_after_the_other() {
        assertThat(SmsLog.reference("6755a1b2c3d4e5f600000001", 0)).isNotEqualTo(SmsLog.reference("6755a1b2c3d4e5f600000001", 1));
        assertThat(SmsLog.reference("6755a1b2c3d4e5f600000001", 0)).isNotEqualTo(SmsLog.reference("6755a1b2c3d4e5f600000002", 0));
        assertThat(SmsLog.reference("6755a1b2c3d4e5f600000001", 5)).isBetween(0, 0xFFFF);
    }

    private SmsDelivery queueAndClaim(String eventId, int segments) {
        assertThat(log.enqueue(eventId, "recipient-" + eventId, PHONE, NotificationKind.APPLICATION_SUBMITTED, "fr",
                "Reçu " + eventId, segments, "NE")).isTrue();
        SmsDelivery claimed = log.claimNextDue().orElseThrow();
        assertThat(claimed.eventId()).isEqualTo(eventId);
        return claimed;
    }

    private SmsDelivery find(SmsDelivery delivery) {
        return mongo.findOne(query(where("id").is(delivery.id())), SmsDelivery.class);
    }

    private static SmsProperties properties() {
        return new SmsProperties(true, "127.0.0.1", 2775, "sdn", "sdn-dev", "", "SDN", SmsProperties.BindMode.TRANSCEIVER,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(1), 10, 6,
                Duration.ofSeconds(1), 50, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(10), 50, WINDOW);
    }
}
