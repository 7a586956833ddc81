package ml.sdn.notification.mail;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a refusal for good from a failure worth trying again. A mail server that answers the recipient or the
 * message with a 5xx code (550 mailbox unavailable, 553 address rejected…) will answer the same next time:
 * retrying it for hours only delays the "failed" an organizer needs to see to fix the address or send it again.
 * Everything else (4xx, a refused or broken connection, a time-out) is tried again with backoff.
 */
final class SmtpRefusals {

    private SmtpRefusals() {
    }

    static boolean refusedForGood(MailException failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        if (failure instanceof MailSendException send) {
            pending.addAll(send.getFailedMessages().values());
        }
        Set<Throwable> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Throwable error = pending.poll();
            if (!seen.add(error)) {
                continue;
            }
            if (error instanceof SMTPAddressFailedException refused && permanent(refused.getReturnCode())
                    || error instanceof SMTPSendFailedException refused2 && permanent(refused2.getReturnCode())) {
                return true;
            }
            if (error.getCause() != null) {
                pending.add(error.getCause()); // a MessagingException's cause is its next exception
            }
        }
        return false;
    }

    private static boolean permanent(int smtpCode) {
        return smtpCode >= 500 && smtpCode < 600;
    }
}
