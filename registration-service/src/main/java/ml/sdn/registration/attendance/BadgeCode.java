package ml.sdn.registration.attendance;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A badge code: 16 characters from a 32-letter alphabet without the look-alikes (no 0/O, 1/I), so
 * 80 random bits, shown in four groups ({@code K7QM-4TZP-9XRD-HB3W}) to be read aloud or typed at the
 * door when the QR code will not scan. Typed codes are accepted in any case, with or without the
 * dashes and spaces.
 */
final class BadgeCode {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 16;
    private static final int GROUP = 4;

    private BadgeCode() {
    }

    static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH + LENGTH / GROUP);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code in its canonical form, or empty if the text cannot be a badge code. */
    static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder letters = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || letters.length() == LENGTH) {
                return Optional.empty();
            }
            letters.append(c);
        }
        if (letters.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = LENGTH - GROUP; i > 0; i -= GROUP) {
            letters.insert(i, '-');
        }
        return Optional.of(letters.toString());
    }
}
