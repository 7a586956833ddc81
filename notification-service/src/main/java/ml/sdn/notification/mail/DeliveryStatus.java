package ml.sdn.notification.mail;

/**
 * PENDING: waiting for its next attempt; SENT: accepted by the SMTP server (e-mail); SUBMITTED: accepted by
 * the SMSC, its delivery receipt awaited (SMS); DELIVERED: the SMSC's receipt says the handset has it (SMS);
 * FAILED: given up, or the SMSC's receipt says it could not be delivered; CANCELLED: its recipient was
 * erased before it could be sent, and it never will be; NOT_SENT: an optional SMS the SMS budget had no room
 * for ({@code lastError} says so), never sent nor retried; IN_DOUBT: an SMS whose submit got no answer (the
 * connection dropped, or no answer in time): the SMSC may have it, so it is not sent again while its delivery
 * receipt may still come (until {@code nextAttemptAt}); a receipt makes it SUBMITTED (or PENDING for the segments
 * left) and then DELIVERED / FAILED; none in time, it is sent again.
 */
public enum DeliveryStatus {
    PENDING, SENT, SUBMITTED, DELIVERED, FAILED, CANCELLED, NOT_SENT, IN_DOUBT
}
