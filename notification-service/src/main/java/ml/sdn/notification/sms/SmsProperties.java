package ml.sdn.notification.sms;

import ml.sdn.notification.mail.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code sdn.sms.*}: the SMSC ({@code SMSC_HOST}, {@code SMSC_PORT}, {@code SMSC_SYSTEM_ID},
 * {@code SMSC_PASSWORD} — a secret —, {@code SMSC_SYSTEM_TYPE}, {@code SMS_SENDER_ID}), how the session is
 * kept (bind type, enquire-link interval, response timeout, reconnect backoff), the rate the SMSC allows
 * (submits a second) and the cap on segments per message; then the queue, as for e-mail: poll, lease and
 * retry schedule. {@code in-doubt-window}: how long an SMS whose submit got no answer waits for the SMSC's
 * delivery receipt of it before it is sent again (see {@link SmsLog#recordInDoubt}). {@code enabled=false}
 * queues nothing (an installation without an SMS contract).
 */
@ConfigurationProperties("sdn.sms")
public record SmsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("2775") int port,
        @DefaultValue("sdn") String systemId,
        @DefaultValue("sdn-dev") String password,
        @DefaultValue("") String systemType,
        @DefaultValue("SDN") String senderId,
        @DefaultValue("TRANSCEIVER") BindMode bindType,
        @DefaultValue("30s") Duration enquireLink,
        @DefaultValue("10s") Duration responseTimeout,
        @DefaultValue("1s") Duration reconnectInitial,
        @DefaultValue("1m") Duration reconnectMax,
        @DefaultValue("10") double ratePerSecond,
        @DefaultValue("6") int maxSegments,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("5s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("50") int maxAttempts,
        @DefaultValue("10m") Duration inDoubtWindow) {

    /**
     * TRANSCEIVER: one session sends and receives the delivery receipts; TRANSMITTER: sends only (an SMSC
     * that wants receipts on a receiver session of its own: they are then not read, and SMS stay SUBMITTED).
     */
    public enum BindMode { TRANSCEIVER, TRANSMITTER }

    public Backoff backoff() {
        return new Backoff(initialBackoff, maxBackoff);
    }

    public Backoff reconnectBackoff() {
        return new Backoff(reconnectInitial, reconnectMax);
    }
}
