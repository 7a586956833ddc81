package ml.sdn.notification.dispatch;

/** A notice for someone this service has no copy of (their registration events have not arrived). */
public class UnknownRecipientException extends RuntimeException {

    public UnknownRecipientException(String recipientId) {
        super("No recipient " + recipientId + " known to notification-service");
    }
}
