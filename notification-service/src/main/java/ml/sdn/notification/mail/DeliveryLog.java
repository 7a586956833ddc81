package ml.sdn.notification.mail;

import ml.sdn.notification.catalogue.NotificationKind;
import ml.sdn.notification.templates.RenderedMessage;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import ml.sdn.platform.rules.ConflictException;
import ml.sdn.platform.rules.NotFoundException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The e-mail queue and its delivery log, in one collection (which the SMS channel shares: one log of what
 * was sent to whom, by which channel; {@link #erase} covers both). Several instances may poll it: an e-mail
 * is claimed by an atomic find-and-modify that reserves it for a lease, and only the holder of the
 * claim records the outcome.
 */
@Component
public class DeliveryLog {

    static final String COLLECTION = "deliveries";

    private final MongoTemplate mongo;
    private final MailDeliveryProperties properties;
    private final DeliveryOutcomes outcomes;
    /** Every time the log writes (queued, claimed, tried, due again): one clock, which a test may set. */
    private final Clock clock;

    @Autowired
    public DeliveryLog(MongoTemplate mongo, MailDeliveryProperties properties, DeliveryOutcomes outcomes,
                       ObjectProvider<Clock> clock) {
        this(mongo, properties, outcomes, clock.getIfUnique(Clock::systemUTC));
    }

    DeliveryLog(MongoTemplate mongo, MailDeliveryProperties properties, DeliveryOutcomes outcomes, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.outcomes = outcomes;
        this.clock = clock;
        var indexes = mongo.indexOps(EmailDelivery.class);
        indexes.createIndex(new Index().on("eventId", Sort.Direction.ASC).on("recipientId", Sort.Direction.ASC)
                .on("channel", Sort.Direction.ASC).unique().named("one_per_event_recipient_and_channel"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC)
                .named("due"));
    }

    /** Queues the e-mail unless this event already queued one for this recipient. @return whether it was queued */
    public boolean enqueue(String eventId, String recipientId, String to, NotificationKind kind, RenderedMessage message) {
        return enqueue(eventId, recipientId, to, kind, message, false).isPresent();
    }

    /**
     * Queues the e-mail unless this event already queued one for this recipient (one insert; the unique key
     * answers "already queued"). {@code claimed}: stored already reserved for {@code sdn.mail.lease}, for
     * this instance's sender to send at once (if the instance stops first, the poll sends it once the lease
     * is over); otherwise due now, for whichever instance polls first.
     *
     * @return the queued e-mail; empty when it was already queued
     */
    Optional<EmailDelivery> enqueue(String eventId, String recipientId, String to, NotificationKind kind,
                                    RenderedMessage message, boolean claimed) {
        Instant now = clock.instant();
        EmailDelivery delivery = new EmailDelivery(ObjectId.get().toHexString(), eventId, recipientId, EmailDelivery.EMAIL,
                kind, to, message.language().code(), message.subject(), message.body(), DeliveryStatus.PENDING, 0, null,
                List.of(), now, claimed ? now.plus(properties.lease()) : now, null,
                claimed ? UUID.randomUUID().toString() : null);
        try {
            mongo.insert(delivery);
            return Optional.of(delivery);
        } catch (DuplicateKeyException alreadyQueued) {
            return Optional.empty();
        }
    }

    /**
     * The e-mail, if it still waits under this claim (an erasure or a lease taken over: empty), with its lease
     * renewed from now in the same write. A handed-over e-mail can wait in the queue longer than its lease (a large
     * message to a group, a slow SMTP server): without the renewal the poll of any instance would claim it as well
     * and both would send it.
     */
    Optional<EmailDelivery> stillClaimed(String id, String claim) {
        Query mine = query(where("id").is(id).and("claim").is(claim).and("status").is(DeliveryStatus.PENDING));
        return Optional.ofNullable(mongo.findAndModify(mine, new Update().set("nextAttemptAt", clock.instant().plus(properties.lease())),
                FindAndModifyOptions.options().returnNew(true), EmailDelivery.class));
    }

    /** Reserves the e-mail that has waited longest among those due, for {@code sdn.mail.lease}. */
    Optional<EmailDelivery> claimNextDue() {
        Instant now = clock.instant();
        // the same collection holds the SMS log (channel SMS), sent by the SMS channel's own sender
        Query due = query(where("status").is(DeliveryStatus.PENDING).and("channel").is(EmailDelivery.EMAIL)
                .and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt"));
        Update claim = new Update()
                .set("nextAttemptAt", now.plus(properties.lease()))
                .set("claim", UUID.randomUUID().toString());
        return Optional.ofNullable(mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
                EmailDelivery.class));
    }

    void recordSent(EmailDelivery delivery) {
        Instant now = clock.instant();
        Update update = new Update()
                .set("status", DeliveryStatus.SENT)
                .set("attempts", delivery.attempts() + 1)
                .set("sentAt", now)
                .unset("nextAttemptAt")
                .unset("claim")
                .push("attemptLog", new DeliveryAttempt(now, true, null));
        dropSecretBody(delivery, update);
        mongo.updateFirst(claimed(delivery), update, EmailDelivery.class);
        outcomes.sent(EmailDelivery.EMAIL);
    }

    /** A transient failure waits its backoff and is tried again, until {@code sdn.mail.max-attempts}. */
    void recordFailure(EmailDelivery delivery, String error, boolean permanent) {
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
            dropSecretBody(delivery, update);
        } else {
            update.set("nextAttemptAt", now.plus(properties.backoff().after(attempts)));
        }
        // a sender whose lease ran out records nothing, and counts nothing: the claim's holder does
        if (mongo.updateFirst(claimed(delivery), update, EmailDelivery.class).getMatchedCount() > 0) {
            outcomes.failed(EmailDelivery.EMAIL, giveUp);
        }
    }

    /**
     * An organizer sends a failed e-mail again (the address was fixed, the server was refusing for a while): it is
     * due at once for the sender, with its attempts so far, so a new failure gives it up again unless it was
     * transient and attempts are left. Only a failed e-mail that still has its address and its text: after an
     * erasure, or once a text holding a one-time link was dropped, there is nothing to send.
     *
     * @throws NotFoundException no such delivery
     * @throws ConflictException an SMS, not failed, or its address or text gone
     */
    public EmailDelivery sendAgain(String id) {
        Query failed = query(where("id").is(id).and("channel").is(EmailDelivery.EMAIL).and("status").is(DeliveryStatus.FAILED)
                .and("to").ne(null).and("body").ne(null));
        EmailDelivery due = mongo.findAndModify(failed, new Update().set("status", DeliveryStatus.PENDING)
                        .set("nextAttemptAt", clock.instant()).unset("claim"),
                FindAndModifyOptions.options().returnNew(true), EmailDelivery.class);
        if (due != null) {
            return due;
        }
        EmailDelivery delivery = mongo.findById(id, EmailDelivery.class);
        if (delivery == null) {
            throw new NotFoundException("notification.deliveries.not-found");
        }
        if (!EmailDelivery.EMAIL.equals(delivery.channel())) {
            throw new ConflictException("notification.deliveries.again-not-email");
        }
        if (delivery.status() != DeliveryStatus.FAILED) {
            throw new ConflictException("notification.deliveries.again-not-failed");
        }
        throw new ConflictException("notification.deliveries.again-text-gone");
    }

    /** Once an e-mail is final its text is no longer needed: a body holding a secret (a one-time link) goes. */
    private static void dropSecretBody(EmailDelivery delivery, Update update) {
        if (delivery.kind() != null && delivery.kind().secretInBody()) {
            update.unset("body");
        }
    }

    /**
     * A person was erased: what still waits for them is cancelled, never sent, and their log entries keep
     * what happened (kind, status, attempts, times) without the address or the text. Theirs = queued for
     * their recipient id, or sent to their address (an invitation before they had an account). Run it
     * again at will: it finds nothing more to change.
     *
     * @param address their e-mail address as last known, or null
     * @return how many waiting e-mails were cancelled
     */
    public long erase(String recipientId, String address) {
        Criteria theirs = address == null || address.isBlank()
                ? where("recipientId").is(recipientId)
                : new Criteria().orOperator(where("recipientId").is(recipientId),
                        where("to").regex("^" + Pattern.quote(address.trim()) + "$", "i"));
        // an SMS in doubt (the SMSC may have it) is not sent again either
        long cancelled = mongo.updateMulti(query(new Criteria().andOperator(theirs,
                        where("status").in(DeliveryStatus.PENDING, DeliveryStatus.IN_DOUBT))),
                new Update().set("status", DeliveryStatus.CANCELLED).unset("nextAttemptAt").unset("claim").unset("doubtReference")
                        .unset("to").unset("subject").unset("body"),
                EmailDelivery.class).getModifiedCount();
        for (EmailDelivery delivery : mongo.find(query(theirs), EmailDelivery.class)) {
            if (delivery.status() == DeliveryStatus.PENDING) {
                continue; // queued after the cancellation above: the caller's second pass cancels it
            }
            Update scrub = new Update().unset("to").unset("subject").unset("body")
                    .set("lastError", withoutAddress(delivery.lastError(), delivery.to(), address));
            if (delivery.attemptLog() != null) {
                scrub.set("attemptLog", delivery.attemptLog().stream()
                        .map(attempt -> new DeliveryAttempt(attempt.at(), attempt.accepted(),
                                withoutAddress(attempt.error(), delivery.to(), address)))
                        .toList());
            }
            mongo.updateFirst(query(where("id").is(delivery.id()).and("status").ne(DeliveryStatus.PENDING)), scrub,
                    EmailDelivery.class);
        }
        return cancelled;
    }

    /** An SMTP error may quote the address ("550 &lt;awa@…&gt; unknown"): it is replaced, the rest kept for diagnosis. */
    static String withoutAddress(String error, String... addresses) {
        return QuotedAddresses.replaced(error, "[erased]", addresses);
    }

    public List<EmailDelivery> page(DeliveryStatus status, int page, int size) {
        return page(status, null, page, size);
    }

    /** A page of the log, newest first, of one status and one channel ({@code EMAIL}, {@code SMS}); null: any. */
    public List<EmailDelivery> page(DeliveryStatus status, String channel, int page, int size) {
        return mongo.find(filter(status, channel)
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))
                .skip((long) page * size)
                .limit(size), EmailDelivery.class);
    }

    /**
     * How many deliveries of one event, on one channel ({@code EMAIL}, {@code SMS}), are in each status
     * (every status, zero included): a message to a group's report. The unique key's index starts with the event.
     */
    public java.util.Map<DeliveryStatus, Long> countsOfEvent(String eventId, String channel) {
        java.util.Map<DeliveryStatus, Long> counts = new java.util.EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, mongo.count(query(where("eventId").is(eventId).and("channel").is(channel).and("status").is(status)),
                    EmailDelivery.class));
        }
        return counts;
    }

    public long count(DeliveryStatus status) {
        return count(status, null);
    }

    public long count(DeliveryStatus status, String channel) {
        return mongo.count(filter(status, channel), EmailDelivery.class);
    }

    private static Query filter(DeliveryStatus status, String channel) {
        Criteria criteria = new Criteria();
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (channel != null) {
            criteria = criteria.and("channel").is(channel);
        }
        return query(criteria);
    }

    private static Query claimed(EmailDelivery delivery) {
        return query(Criteria.where("id").is(delivery.id()).and("claim").is(delivery.claim()));
    }
}
