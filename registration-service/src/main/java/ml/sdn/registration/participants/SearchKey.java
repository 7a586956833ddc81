package ml.sdn.registration.participants;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of a name that free-text search compares: accents removed (NFKD, combining marks dropped),
 * the ligatures œ and æ spelt out, lower case, runs of spaces collapsed. The same function makes the
 * stored key and the searched text, so "Aïssata DEMBÉLÉ" is found by "dembele" and by "aïssata".
 * MongoDB has no accent-insensitive contains without {@code $text} or collations the test store lacks;
 * a stored key searched with a quoted regular expression works on both.
 */
public final class SearchKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchKey() {
    }

    /** The search key of {@code text}; empty for null. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** A MongoDB regular expression matching keys that contain {@code text}'s key, with every character literal. */
    public static String containsPattern(String text) {
        return Pattern.quote(of(text));
    }
}
