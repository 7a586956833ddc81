package ml.sdn.registration.programme;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a session of the week is; pages and notices write it in words, never as the code. */
enum SessionKind {
    OPENING, PANEL, PITCH, WORKSHOP, AWARD_CEREMONY;

    /** The kind a request names, in any case; empty for anything else. */
    static Optional<SessionKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.name().equals(code)).findFirst();
    }
}
