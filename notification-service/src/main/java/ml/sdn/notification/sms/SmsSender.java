package ml.sdn.notification.sms;

import ml.sdn.notification.catalogue.NotificationKind;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Hands queued SMS to the SMSC ({@link Smsc}), one thread per instance, at most {@code sdn.sms.rate-per-second}
 * submits a second. A queued SMS is sent at once (the queue wakes the thread); the poll, every
 * {@code sdn.sms.poll-interval}, sends the rest: retries after their backoff, and those another instance
 * claimed but did not finish (once their lease is over). Nothing is claimed while no session can be bound:
 * an SMSC outage leaves every SMS waiting, its attempts untouched, and the sending resumes when a bind
 * succeeds. A temporary refusal (throttling, a full queue, a system error)
 * waits its backoff; a permanent one (an invalid destination, a malformed message) fails at once, the SMSC's
 * reason in the delivery log. A retry sends only the segments the SMSC has not accepted yet. A submit that got no
 * answer (the connection lost, or no answer in time) is in doubt, not failed: it waits for its delivery receipt
 * ({@link SmsLog#recordInDoubt}) and is sent again only if none comes within {@code sdn.sms.in-doubt-window}.
 */
@Component
public class SmsSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    /** Command statuses after which the same submit may succeed later (SMPP 3.4, 5.1.3). */
    private static final Map<Integer, String> TEMPORARY = Map.of(
            0x08, "ESME_RSYSERR",
            0x14, "ESME_RMSGQFUL",
            0x45, "ESME_RSUBMITFAIL",
            0x58, "ESME_RTHROTTLED",
            0x64, "ESME_RX_T_APPN");
    private static final Map<Integer, String> PERMANENT = Map.of(
            0x0B, "ESME_RINVDSTADR",
            0x0A, "ESME_RINVSRCADR",
            0x01, "ESME_RINVMSGLEN",
            0x33, "ESME_RINVNUMDESTS",
            0x62, "ESME_RINVEXPIRY",
            0x66, "ESME_RX_R_APPN",
            0x48, "ESME_RINVSRCTON",
            0x50, "ESME_RINVDSTTON");

    /** The delivery log's reason for an SMS the budget had no room for. */
    public static final String BUDGET_REACHED = "not sent: SMS budget reached";

    private final SmsLog sms;
    private final SmsBudget budget;
    private final SmsProperties properties;
    private final Smsc smsc;
    private final Throttle throttle;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService sender;

    public SmsSender(SmsLog sms, SmsProperties properties, SmsBudget budget) {
        this.sms = sms;
        this.budget = budget;
        this.properties = properties;
        this.smsc = new Smsc(properties, sms::recordReceipt);
        this.throttle = new Throttle(properties.ratePerSecond(), System::nanoTime);
    }

    /** What became of an SMS asked for. */
    public enum Queued {
        /** Queued, the sender woken. */
        QUEUED,
        /** This event had already queued (or logged) it for this recipient: nothing more. */
        ALREADY,
        /** An optional SMS the budget had no room for: logged "not sent", never sent nor retried. */
        NOT_SENT_BUDGET_REACHED
    }

    /** Queues the SMS once per (event, recipient) and wakes the sender. @return whether it was queued */
    public boolean queue(String eventId, String recipientId, String to, NotificationKind kind, String language,
                         String text) {
        return queue(eventId, recipientId, to, kind, language, text, null) == Queued.QUEUED;
    }

    /**
     * Queues the SMS once per (event, recipient), charged to the SMS budget ({@link SmsBudget}): a required kind
     * always, an optional one only if the budget has room for its segments, else it is logged as not sent.
     * {@code country}: the recipient's, for the statistics (null: unknown).
     */
    public Queued queue(String eventId, String recipientId, String to, NotificationKind kind, String language,
                        String text, String country) {
        if (sms.exists(eventId, recipientId)) {
            return Queued.ALREADY; // a redelivery: nothing charged twice
        }
        int segments = SmsText.encode(text, properties.maxSegments(), 0).segments().size();
        if (!budget.charge(kind.smsRequired(), segments)) {
            return sms.notSent(eventId, recipientId, to, kind, language, text, segments, country, BUDGET_REACHED)
                    ? Queued.NOT_SENT_BUDGET_REACHED : Queued.ALREADY;
        }
        if (!sms.enqueue(eventId, recipientId, to, kind, language, text, segments, country)) {
            budget.refund(segments); // queued by a concurrent redelivery in the meantime
            return Queued.ALREADY;
        }
        wake();
        return Queued.QUEUED;
    }

    /** {@code sdn.sms.enabled}: false on an installation without an SMSC contract, where nothing is queued. */
    public boolean enabled() {
        return properties.enabled();
    }

    private void wake() {
        ScheduledExecutorService running = sender;
        if (running != null && wakeQueued.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    wakeQueued.set(false);
                    sendDue();
                });
            } catch (RuntimeException stopping) {
                wakeQueued.set(false);
            }
        }
    }

    /** Sends what is due, while the SMSC is there. Runs on the sender thread only. */
    void sendDue() {
        try {
            while (!Thread.currentThread().isInterrupted() && smsc.available()) {
                Optional<SmsDelivery> next = sms.claimNextDue();
                if (next.isEmpty()) {
                    return;
                }
                send(next.get());
            }
        } catch (RuntimeException e) {
            // the store is away: what was claimed keeps its claim until the lease ends, then it is due again
            log.warn("SMS not sent now, the poll will try again: {}", e.toString());
        }
    }

    private void send(SmsDelivery delivery) {
        if (delivery.to() == null || !E164.matcher(delivery.to()).matches()) {
            sms.recordFailure(delivery, "not an E.164 phone number: no SMS can reach it", true);
            log.warn("SMS {} ({}) given up: the recipient's number is not E.164", delivery.id(), delivery.kind());
            return;
        }
        SmsText.Encoded text = SmsText.encode(delivery.body(), properties.maxSegments(), Math.floorMod(delivery.id().hashCode(), 256));
        int segment = delivery.accepted().size();
        try {
            for (; segment < text.segments().size(); segment++) {
                throttle.acquire();
                String messageId = smsc.submit(delivery.to(), text, segment, SmsLog.reference(delivery.id(), segment));
                if (!sms.recordSegment(delivery, messageId)) {
                    log.info("SMS {} no longer ours (its recipient was erased, or its lease ended): stopped", delivery.id());
                    return;
                }
            }
            sms.recordSubmitted(delivery, text.segments().size());
            log.info("SMS {} ({}) submitted to recipient {} in {} segment(s), {}", delivery.id(), delivery.kind(),
                    delivery.recipientId(), text.segments().size(), text.alphabet());
        } catch (Smsc.Unavailable e) {
            sms.release(delivery);
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            String reason = "SMSC refused it: " + name(status) + " (0x" + Integer.toHexString(status) + ")";
            boolean permanent = !TEMPORARY.containsKey(status);
            sms.recordFailure(delivery, reason, permanent);
            log.warn("SMS {} ({}) {}: {}", delivery.id(), delivery.kind(), permanent ? "given up" : "will be retried", reason);
        } catch (IOException | ResponseTimeoutException e) {
            // sent, maybe taken: its receipt will tell (SmsLog.recordInDoubt), else it is sent again after the window
            sms.recordInDoubt(delivery, SmsLog.reference(delivery.id(), segment),
                    "no answer from the SMSC to segment " + (segment + 1) + ": " + e);
            log.warn("SMS {} in doubt (segment {} got no answer), its delivery receipt awaited: {}", delivery.id(),
                    segment + 1, e.toString());
        } catch (InvalidResponseException e) {
            sms.recordFailure(delivery, "SMSC connection: " + e, false);
            log.warn("SMS {} not sent (attempt {}), will retry: {}", delivery.id(), delivery.attempts() + 1, e.toString());
        } catch (PDUException e) {
            sms.recordFailure(delivery, "not a valid SMPP message: " + e.getMessage(), true);
            log.warn("SMS {} cannot be sent and is given up: {}", delivery.id(), e.getMessage());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            sms.release(delivery);
        }
    }

    static String name(int status) {
        return TEMPORARY.getOrDefault(status, PERMANENT.getOrDefault(status, "command status"));
    }

    static boolean temporary(int status) {
        return TEMPORARY.containsKey(status);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "sms-sender");
            thread.setDaemon(true);
            return thread;
        });
        long poll = properties.pollInterval().toMillis();
        pool.scheduleWithFixedDelay(this::sendDue, 0, poll, TimeUnit.MILLISECONDS);
        sender = pool;
    }

    @Override
    public void stop() {
        ScheduledExecutorService pool = sender;
        sender = null;
        if (pool == null) {
            return;
        }
        // an SMS being sent keeps its claim (and the segments already accepted): sent on after the lease
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        smsc.close();
    }

    @Override
    public boolean isRunning() {
        return sender != null;
    }
}
