package ml.sdn.notification.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail server's words may quote the recipient's address ({@code 550 5.1.1 <awa@…>: mailbox unavailable}). What
 * the delivery log keeps of them never holds the address in full: the log masks addresses, and an erased person's
 * address must leave it altogether. The address is matched whatever its case, with the angle brackets and the colon
 * a server puts around it.
 */
final class QuotedAddresses {

    private QuotedAddresses() {
    }

    /** The text with each of the addresses (null or blank ones skipped) replaced; null stays null. */
    static String replaced(String text, String replacement, String... addresses) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String address : addresses) {
            if (address != null && !address.isBlank()) {
                result = Pattern.compile("<?" + Pattern.quote(address.strip()) + ">?:?", Pattern.CASE_INSENSITIVE)
                        .matcher(result).replaceAll(Matcher.quoteReplacement(replacement));
            }
        }
        return result;
    }
}
