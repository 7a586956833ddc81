package ml.sdn.registration.participants;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What one search box finds people by: a part of their name or of their organisation's name (compared as
 * {@link SearchKey}s, so "traore" finds "Traoré"), of their e-mail address (case ignored), or of their phone
 * number (digits only, so "70 12 34 56" and "+226 70-12-34-56" find the stored "+22670123456"). A text
 * that is not phone-like (letters in it, or fewer than {@value #MIN_PHONE_DIGITS} digits) is not looked for
 * in phone numbers. Plain Java; every value is later searched as a quoted pattern, never read as one.
 *
 * @param nameKey     the {@link SearchKey} to look for in names; empty when the text has none
 * @param emailPart   the text, trimmed and in lower case, to look for in e-mail addresses; empty when none
 * @param phoneDigits the digits to look for in phone numbers, or null when the text is not phone-like
 */
record SearchTerms(String nameKey, String emailPart, String phoneDigits) {

    static final int MIN_PHONE_DIGITS = 3;
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9 .()\\-\\u00a0]+");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

    static SearchTerms of(String text) {
        if (text == null || text.isBlank()) {
            return new SearchTerms("", "", null);
        }
        String stripped = text.strip();
        if (SearchKey.of(stripped).isEmpty()) {
            return new SearchTerms("", "", null); // only invisible characters: nothing typed
        }
        String email = stripped.toLowerCase(Locale.ROOT);
        String digits = PHONE_LIKE.matcher(stripped).matches() ? NOT_DIGIT.matcher(stripped).replaceAll("") : "";
        return new SearchTerms(SearchKey.of(stripped), email, digits.length() >= MIN_PHONE_DIGITS ? digits : null);
    }

    boolean isEmpty() {
        return nameKey.isEmpty() && emailPart.isEmpty() && phoneDigits == null;
    }
}
