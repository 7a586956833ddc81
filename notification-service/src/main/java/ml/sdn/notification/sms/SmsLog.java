package ml.sdn.notification.sms;

import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.mail.DeliveryAttempt;
import ml.sdn.notification.mail.DeliveryOutcomes;
import ml.sdn.notification.mail.DeliveryStatus;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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

import java.time.Clock;
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
 *
 * <p>A segment whose submit got no answer is <em>in doubt</em> ({@link #recordInDoubt}): the SMSC may have taken
 * it, so sending it again could reach the phone twice. Each segment is sent with a {@code user_message_reference}
 * ({@link #reference}) that the SMSC echoes in its receipt, with the handset's number: a receipt bearing the
 * reference of an SMS in doubt to that number proves the SMSC took the segment, and settles it without a resend.
 * No such receipt within {@code sdn.sms.in-doubt-window}: it is sent again (an SMSC that sends no receipts, or
 * does not echo the reference, leaves it at least once). Times come from the one {@link Clock}.
 */
@Component
public class SmsLog {

    static final String COLLECTION = "deliveries";
    static final String RECEIPTS = "sms_receipts";

    /**
     * What the SMSC said of one segment; {@code reason} as it said it ({@code stat:UNDELIV err:001}); {@code handset}
     * and {@code reference} (the echoed {@code user_message_reference}) when the receipt gave them.
     */
    @Document(RECEIPTS)
    record Receipt(@Id String messageId, boolean delivered, String reason, Instant at, String handset,
                   Integer reference) {
    }

    private final MongoTemplate mongo;
    private final SmsProperties properties;
    private final DeliveryOutcomes outcomes;
    private final Clock clock;

    @Autowired
    public SmsLog(MongoTemplate mongo, SmsProperties properties, DeliveryOutcomes outcomes, ObjectProvider<Clock> clock) {
        this(mongo, properties, outcomes, clock.getIfUnique(Clock::systemUTC));
    }

    SmsLog(MongoTemplate mongo, SmsProperties properties, DeliveryOutcomes outcomes, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.outcomes = outcomes;
        this.clock = clock;
        // the unique (event, recipient, channel) key and the "due" index are the e-mail log's (DeliveryLog)
        mongo.indexOps(SmsDelivery.class).createIndex(new Index().on("messageIds", Sort.Direction.ASC).sparse()
                .named("by_smsc_message_id"));
        mongo.indexOps(Receipt.class).createIndex(new Index().on("handset", Sort.Direction.ASC)
                .on("reference", Sort.Direction.ASC).sparse().named("by_handset_and_reference"));
    }

    /**
     * The {@code user_message_reference} of a segment (0-65535): the low bits of the SMS's id and the segment's
     * number, so that SMS queued one after the other, and the segments of one, differ; the same on every attempt.
     */
    static int reference(String deliveryId, int segment) {
        int base;
        try {
            base = Integer.parseInt(deliveryId.substring(Math.max(0, deliveryId.length() - 4)), 16);
        } catch (NumberFormatException notHex) {
            base = deliveryId.hashCode();
        }
        return (base * 8 + segment) & 0xFFFF;
    }

    /** Queues the SMS unless this event already queued one for this recipient. @return whether it was queued */
    boolean enqueue(String eventId, String recipientId, String to, NotificationKind kind, String language, String text,
                    int segments, String country) {
        Instant now = clock.instant();
        return insert(new SmsDelivery(ObjectId.get().toHexString(), eventId, recipientId, SmsDelivery.SMS, kind, to,
                language, text, DeliveryStatus.PENDING, 0, null, List.of(), now, now, null, null, List.of(), segments, null,
                country, null));
    }

    /** Logs an SMS that will not be sent, and why (no retry), unless this event already logged one for this recipient. */
    boolean notSent(String eventId, String recipientId, String to, NotificationKind kind, String language, String text,
                    int segments, String country, String reason) {
        Instant now = clock.instant();
        return insert(new SmsDelivery(ObjectId.get().toHexString(), eventId, recipientId, SmsDelivery.SMS, kind, to,
                language, text, DeliveryStatus.NOT_SENT, 0, reason, List.of(new DeliveryAttempt(now, false, reason)), now,
                null, null, null, List.of(), segments, null, country, null));
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

    /**
     * Reserves the SMS that has waited longest among those due, for {@code sdn.sms.lease}; those in doubt whose
     * window passed without a receipt become due (to be sent again) first.
     */
    Optional<SmsDelivery> claimNextDue() {
        resendDoubtsPastTheirWindow();
        Instant now = clock.instant();
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

    /**
     * The submit of the next segment ({@code delivery.accepted().size()}), sent with {@code reference}, got no
     * answer: IN_DOUBT. A receipt echoing the reference settles it (the SMSC took it); none within {@code
     * sdn.sms.in-doubt-window}, it is sent again. A receipt that came before this was recorded (the SMSC sent it at
     * once, on a session that then dropped, or to another instance) settles it now.
     */
    void recordInDoubt(SmsDelivery delivery, int reference, String error) {
        Instant now = clock.instant();
        String why = error + " — in doubt: waiting for the SMSC's delivery receipt before sending it again";
        if (mongo.updateFirst(claimed(delivery), new Update()
                .set("status", DeliveryStatus.IN_DOUBT)
                .set("doubtReference", reference)
                .set("attempts", delivery.attempts() + 1)
                .set("lastError", why)
                .set("nextAttemptAt", now.plus(properties.inDoubtWindow()))
                .unset("claim")
                .push("attemptLog", new DeliveryAttempt(now, false, why)), SmsDelivery.class).getMatchedCount() == 0) {
            return; // no longer ours: the holder of the claim decides
        }
        for (Receipt early : mongo.find(query(where("handset").is(delivery.to()).and("reference").is(reference)), Receipt.class)) {
            if (!mongo.exists(query(where("messageIds").is(early.messageId()).and("channel").is(SmsDelivery.SMS)),
                    SmsDelivery.class) && settle(delivery.id(), delivery.to(), reference, early.messageId())) {
                return;
            }
        }
    }

    /**
     * The receipt of the segment in doubt: the SMSC took it under {@code messageId}. The segments left are due
     * now; none left, SUBMITTED, and its receipts are applied. @return whether this settled it (it was in doubt)
     */
    private boolean settle(String deliveryId, String to, int reference, String messageId) {
        Instant now = clock.instant();
        // while in doubt nobody holds a claim, so its segments cannot change under this read
        SmsDelivery doubt = mongo.findOne(query(where("id").is(deliveryId).and("status").is(DeliveryStatus.IN_DOUBT)
                .and("to").is(to).and("doubtReference").is(reference)), SmsDelivery.class);
        if (doubt == null) {
            return false;
        }
        int segments = doubt.segments() != null ? doubt.segments()
                : SmsText.encode(doubt.body(), properties.maxSegments(), 0).segments().size();
        boolean whole = doubt.accepted().size() + 1 >= segments;
        Update settled = new Update().push("messageIds", messageId).unset("doubtReference").unset("lastError")
                .push("attemptLog", new DeliveryAttempt(now, true, SETTLED));
        if (whole) {
            settled.set("status", DeliveryStatus.SUBMITTED).set("sentAt", now).unset("nextAttemptAt");
        } else {
            settled.set("status", DeliveryStatus.PENDING).set("nextAttemptAt", now); // the segments left
        }
        if (mongo.updateFirst(query(where("id").is(deliveryId).and("status").is(DeliveryStatus.IN_DOUBT)
                .and("doubtReference").is(reference)), settled, SmsDelivery.class).getModifiedCount() == 0) {
            return false; // settled by another receipt, or its window passed, in the meantime
        }
        if (whole) {
            outcomes.sent(SmsDelivery.SMS);
            Optional.ofNullable(mongo.findById(deliveryId, SmsDelivery.class)).ifPresent(this::applyReceipts);
        }
        return true;
    }

    /** The attempt log's words for a segment in doubt that its receipt showed taken. */
    static final String SETTLED = "in doubt settled: the SMSC's delivery receipt shows it took the segment, not sent again";

    /** The attempt log's words for a segment in doubt sent again. */
    static final String NO_RECEIPT = "in doubt: no delivery receipt within the window, sent again";

    /** Those in doubt whose window passed without a receipt: due now, to be sent again. */
    private void resendDoubtsPastTheirWindow() {
        Instant now = clock.instant();
        mongo.updateMulti(query(where("status").is(DeliveryStatus.IN_DOUBT).and("channel").is(SmsDelivery.SMS)
                        .and("nextAttemptAt").lte(now)),
                new Update().set("status", DeliveryStatus.PENDING).unset("doubtReference").set("lastError", NO_RECEIPT)
                        .push("attemptLog", new DeliveryAttempt(now, false, NO_RECEIPT)),
                SmsDelivery.class);
    }

    /** Every segment accepted: SUBMITTED, and whatever receipts already came are applied. */
    void recordSubmitted(SmsDelivery delivery, int segments) {
        Instant now = clock.instant();
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
        Instant now = clock.instant();
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
        mongo.updateFirst(claimed(delivery), new Update().unset("claim").set("nextAttemptAt", clock.instant()),
                SmsDelivery.class);
    }

    /**
     * A delivery receipt for one segment; a redelivered one changes nothing. One for a message id not recorded,
     * echoing the reference of an SMS in doubt to that handset, settles it (see the class comment).
     */
    void recordReceipt(String messageId, boolean delivered, String reason, String handset, Integer reference) {
        try {
            mongo.insert(new Receipt(messageId, delivered, reason, clock.instant(), handset, reference));
        } catch (DuplicateKeyException already) {
            // the SMSC sent it again (our answer was lost): applied below all the same, once
        }
        Optional<SmsDelivery> known = Optional.ofNullable(mongo.findOne(
                query(where("messageIds").is(messageId).and("channel").is(SmsDelivery.SMS)), SmsDelivery.class));
        if (known.isPresent()) {
            applyReceipts(known.get());
        } else if (handset != null && reference != null) {
            Optional.ofNullable(mongo.findOne(query(where("status").is(DeliveryStatus.IN_DOUBT).and("channel")
                            .is(SmsDelivery.SMS).and("to").is(handset).and("doubtReference").is(reference)), SmsDelivery.class))
                    .ifPresent(doubt -> settle(doubt.id(), handset, reference, messageId));
        }
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
