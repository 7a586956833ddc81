package ml.sdn.notification.mail;

/** PENDING: waiting for its next attempt; SENT: accepted by the SMTP server; FAILED: given up. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
