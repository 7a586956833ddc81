package ml.sdn.registration.attendance;

/**
 * A phone number as the door shows it: enough to confirm with the person in front of you ("your number
 * ends in 56?"), not enough to copy: the country prefix and the last two digits, every other digit a dot.
 * Phone numbers are stored in E.164 ({@code +22370123456}); the AES prefixes have three digits.
 */
final class PhoneMask {

    private static final int PREFIX = 4; // "+223"
    private static final int SHOWN_AT_END = 2;

    private PhoneMask() {
    }

    /** {@code +22370123456} → {@code +223 •• •• •• 56}; null or too short to mask → null (shown as nothing). */
    static String of(String e164) {
        if (e164 == null || !e164.startsWith("+") || e164.length() < PREFIX + SHOWN_AT_END + 2) {
            return null;
        }
        String national = e164.substring(PREFIX);
        StringBuilder masked = new StringBuilder(e164.substring(0, PREFIX));
        for (int i = 0; i < national.length(); i++) {
            if (i % 2 == 0) {
                masked.append(' ');
            }
            masked.append(i >= national.length() - SHOWN_AT_END ? national.charAt(i) : '•');
        }
        return masked.toString();
    }
}
