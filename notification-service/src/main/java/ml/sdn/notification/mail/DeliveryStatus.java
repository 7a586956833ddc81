package ml.sdn.notification.mail;

/**
 * PENDING: waiting for its next attempt; SENT: accepted by the SMTP server; FAILED: given up;
 * CANCELLED: its recipient was erased before it could be sent, and it never will be.
 */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, CANCELLED
}
