package ml.sdn.notification.mail;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

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
        return refusal(failure) != null;
    }

    /**
     * The server's reply to a refusal for good, in the words it used, without the address it may quote
     * ({@code 550 5.1.1 mailbox unavailable}); null when the failure is not one. What an organizer reads in the
     * delivery log: the reply, not a chain of Java exceptions, and never the address in full (the log masks it).
     */
    static String reply(MailException failure, String recipient) {
        MessagingException refused = refusal(failure);
        if (refused == null) {
            return null;
        }
        int code = refused instanceof SMTPAddressFailedException address
                ? address.getReturnCode() : ((SMTPSendFailedException) refused).getReturnCode();
        String text = QuotedAddresses.replaced(refused.getMessage() == null ? "" : refused.getMessage(), "", recipient)
                .replaceAll("\\s+", " ").strip();
        if (!text.startsWith(String.valueOf(code))) {
            text = code + " " + text;
        }
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    /** A failure's text as {@link #reply} writes it: the server's code first. */
    private static final Pattern REPLY = Pattern.compile("5\\d\\d .*", Pattern.DOTALL);

    /** Whether a delivery's last error is a refusal for good, as {@link #reply} wrote it (the log's readers ask). */
    static boolean isReply(String lastError) {
        return lastError != null && REPLY.matcher(lastError).matches();
    }

    private static MessagingException refusal(MailException failure) {
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
            if (error instanceof SMTPAddressFailedException refused && permanent(refused.getReturnCode())) {
                return refused;
            }
            if (error instanceof SMTPSendFailedException refused && permanent(refused.getReturnCode())) {
                return refused;
            }
            if (error.getCause() != null) {
                pending.add(error.getCause()); // a MessagingException's cause is its next exception
            }
        }
        return null;
    }

    private static boolean permanent(int smtpCode) {
        return smtpCode >= 500 && smtpCode < 600;
    }
}
