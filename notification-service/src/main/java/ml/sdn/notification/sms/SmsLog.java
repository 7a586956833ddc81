package ml.sdn.notification.sms;

import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.mail.DeliveryAttempt;
import ml.sdn.notification.mail.DeliveryOutcomes;
import ml.sdn.notification.mail.DeliveryStatus;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The SMS queue and its delivery log, in the e-mail's collection ({@code channel = SMS}; the unique key on
 * (event, recipient, channel) is the e-mail's). Claimed by an atomic find-and-modify for a lease, as e-mails
 * are, so that several instances share it and only the holder of a claim records the outcome. Delivery
 * receipts are stored first ({@code sms_receipts}, by the SMSC's message id) and then applied: a receipt
 * that arrives before its submission is recorded is applied when it is.
 */
@Component
public class SmsLog {

    static final String COLLECTION = "deliveries";
    static final String RECEIPTS = "sms_receipts";

    /** What the SMSC said of one segment; {@code reason} as it said it ({@code stat:UNDELIV err:001}). */
    @Document(RECEIPTS)
    record Receipt(@Id String messageId, boolean delivered, String reason, Instant at) {
    }

    private final MongoTemplate mongo;
    private final SmsProperties properties;
    private final DeliveryOutcomes outcomes;

    public SmsLog(MongoTemplate mongo, SmsProperties properties, DeliveryOutcomes outcomes) {
        this.mongo = mongo;
        this.properties = properties;
        this.outcomes = outcomes;
        // the unique (event, recipient, channel) key and the "due" index are the e-mail log's (DeliveryLog)
        mongo.indexOps(SmsDelivery.class).createIndex(new Index().on("messageIds", Sort.Direction.ASC).sparse()
                .named("by_smsc_message_id"));
    }

    /** Queues the SMS unless this event already queued one for this recipient. @return whether it was queued */
    boolean enqueue(String eventId, String recipientId, String to, NotificationKind kind, String language, String text,
                    int segments, String country) {
        Instant now = Instant.now();
        return insert(new SmsDelivery(ObjectId.get().toHexString(), eventId, recipientId, SmsDelivery.SMS, kind, to,
                language, text, DeliveryStatus.PENDING, 0, null, List.of(), now, now, null, null, List.of(), segments, null,
                country));
    }

    /** Logs an SMS that will not be sent, and why (no retry), unless this event already logged one for this recipient. */
    boolean notSent(String eventId, String recipientId, String to, NotificationKind kind, String language, String text,
                    int segments, String country, String reason) {
        Instant now = Instant.now();
        return insert(new SmsDelivery(ObjectId.get().toHexString(), eventId, recipientId, SmsDelivery.SMS, kind, to,
                language, text, DeliveryStatus.NOT_SENT, 0, reason, List.of(new DeliveryAttempt(now, false, reason)), now,
                null, null, null, List.of(), segments, null, country));
    }

    /** Whether this event already queued (or logged) an SMS for this recipient. */
    boolean exists(String eventId, String recipientId) {
        return mongo.exists(query(where("eventId").is(eventId).and("recipientId").is(recipientId)
                .and("channel").is(SmsDelivery.SMS)), SmsDelivery.class);
    }

    private boolean insert(SmsDelivery delivery) {
        try {
            mongo.insert(delivery);
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }

    /** SMS counted by kind and country: messages and segments sent or on their way, and those not sent. */
    public record Count(NotificationKind kind, String country, long messages, long segments, long notSent) {
    }

    /**
     * Every SMS of the log by kind and country (null: unknown), most messages first. Sent or on their way: every
     * status but NOT_SENT and CANCELLED (a FAILED one was paid for too); segments as charged when queued.
     */
    public List<Count> counts() {
        Aggregation byKindAndCountry = Aggregation.newAggregation(
                Aggregation.match(where("channel").is(SmsDelivery.SMS)),
                Aggregation.project("kind", "country")
                        .and(ConditionalOperators.when(where("status").in(DeliveryStatus.NOT_SENT.name(),
                                DeliveryStatus.CANCELLED.name())).then(0).otherwise(1)).as("sent")
                        .and(ConditionalOperators.when(where("status").is(DeliveryStatus.NOT_SENT.name())).then(1)
                                .otherwise(0)).as("notSent")
                        .and(ConditionalOperators.when(where("status").in(DeliveryStatus.NOT_SENT.name(),
                                DeliveryStatus.CANCELLED.name())).then(0)
                                .otherwise(ConditionalOperators.ifNull("segments").then(1))).as("segments"),
                Aggregation.group("kind", "country").sum("sent").as("messages").sum("segments").as("segments")
                        .sum("notSent").as("notSent"));
        return mongo.aggregate(byKindAndCountry, COLLECTION, org.bson.Document.class).getMappedResults().stream()
                .map(row -> {
                    org.bson.Document id = row.get("_id", org.bson.Document.class);
                    return new Count(NotificationKind.valueOf(id.getString("kind")), id.getString("country"),
                            number(row, "messages"), number(row, "segments"), number(row, "notSent"));
                })
                .sorted(java.util.Comparator.comparingLong(Count::messages).reversed()
                        .thenComparing(Count::kind)
                        .thenComparing(count -> count.country() == null ? "~" : count.country()))
                .toList();
    }

    private static long number(org.bson.Document row, String field) {
        Object value = row.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** Reserves the SMS that has waited longest among those due, for {@code sdn.sms.lease}. */
    Optional<SmsDelivery> claimNextDue() {
        Instant now = Instant.now();
        Query due = query(where("status").is(DeliveryStatus.PENDING).and("channel").is(SmsDelivery.SMS)
                .and("nextAttemptAt").lte(now)).with(Sort.by("nextAttemptAt"));
        Update claim = new Update().set("nextAttemptAt", now.plus(properties.lease())).set("claim", UUID.randomUUID().toString());
        return Optional.ofNullable(mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
                SmsDelivery.class));
    }

    /** One more segment accepted by the SMSC, under this claim. @return false: the claim was lost (an erasure) */
    boolean recordSegment(SmsDelivery delivery, String messageId) {
        return mongo.updateFirst(claimed(delivery), new Update().push("messageIds", messageId), SmsDelivery.class)
                .getModifiedCount() > 0;
    }

    /** Every segment accepted: SUBMITTED, and whatever receipts already came are applied. */
    void recordSubmitted(SmsDelivery delivery, int segments) {
        Instant now = Instant.now();
        mongo.updateFirst(claimed(delivery), new Update()
                .set("status", DeliveryStatus.SUBMITTED)
                .set("attempts", delivery.attempts() + 1)
                .set("segments", segments)
                .set("sentAt", now)
                .unset("nextAttemptAt")
                .unset("claim")
                .push("attemptLog", new DeliveryAttempt(now, true, null)), SmsDelivery.class);
        outcomes.sent(SmsDelivery.SMS);
        Optional.ofNullable(mongo.findById(delivery.id(), SmsDelivery.class)).ifPresent(this::applyReceipts);
    }

    /** A temporary failure waits its backoff and is tried again, until {@code sdn.sms.max-attempts}. */
    void recordFailure(SmsDelivery delivery, String error, boolean permanent) {
        Instant now = Instant.now();
        int attempts = delivery.attempts() + 1;
        boolean giveUp = permanent || attempts >= properties.maxAttempts();
        Update update = new Update()
                .set("attempts", attempts)
                .set("lastError", error)
                .unset("claim")
                .push("attemptLog", new DeliveryAttempt(now, false, error));
        if (giveUp) {
            update.set("status", DeliveryStatus.FAILED).unset("nextAttemptAt");
        } else {
            update.set("nextAttemptAt", now.plus(properties.backoff().after(attempts)));
        }
        // a sender whose lease ran out records nothing, and counts nothing: the claim's holder does
        if (mongo.updateFirst(claimed(delivery), update, SmsDelivery.class).getMatchedCount() > 0) {
            outcomes.failed(SmsDelivery.SMS, giveUp);
        }
    }

    /** The claim is given back untouched (the SMSC went away before anything was tried): due again now. */
    void release(SmsDelivery delivery) {
        mongo.updateFirst(claimed(delivery), new Update().unset("claim").set("nextAttemptAt", Instant.now()),
                SmsDelivery.class);
    }

    /** A delivery receipt for one segment; a redelivered one changes nothing. */
    void recordReceipt(String messageId, boolean delivered, String reason) {
        try {
            mongo.insert(new Receipt(messageId, delivered, reason, Instant.now()));
        } catch (DuplicateKeyException already) {
            // the SMSC sent it again (our answer was lost): applied below all the same, once
        }
        Optional.ofNullable(mongo.findOne(query(where("messageIds").is(messageId).and("channel").is(SmsDelivery.SMS)),
                SmsDelivery.class)).ifPresent(this::applyReceipts);
    }

    private void applyReceipts(SmsDelivery delivery) {
        if (delivery.status() != DeliveryStatus.SUBMITTED || delivery.accepted().isEmpty()) {
            return;
        }
        List<Receipt> receipts = mongo.find(query(where("messageId").in(delivery.accepted())), Receipt.class);
        Query submitted = query(where("id").is(delivery.id()).and("status").is(DeliveryStatus.SUBMITTED));
        Optional<Receipt> failed = receipts.stream().filter(receipt -> !receipt.delivered()).findFirst();
        if (failed.isPresent()) {
            String reason = "SMSC: " + failed.get().reason();
            if (mongo.updateFirst(submitted, new Update().set("status", DeliveryStatus.FAILED).set("lastError", reason)
                    .push("attemptLog", new DeliveryAttempt(failed.get().at(), false, reason)), SmsDelivery.class)
                    .getModifiedCount() > 0) {
                outcomes.failed(SmsDelivery.SMS, true); // once: a receipt applied again finds it FAILED already
            }
        } else if (receipts.size() >= delivery.accepted().size()) {
            mongo.updateFirst(submitted, new Update().set("status", DeliveryStatus.DELIVERED).set("deliveredAt",
                    receipts.stream().map(Receipt::at).max(Instant::compareTo).orElseGet(Instant::now)), SmsDelivery.class);
        }
    }

    Optional<SmsDelivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, SmsDelivery.class));
    }

    private static Query claimed(SmsDelivery delivery) {
        return query(where("id").is(delivery.id()).and("claim").is(delivery.claim()));
    }
}
