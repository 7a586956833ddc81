package ml.sdn.registration.participants;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of a name under which two spellings are "the same": compatibility-decomposed (NFKD, so
 * full-width « Ａｃｍｅ » is « Acme » and ligatures such as « ﬁ » are spelt out), lower case, accents
 * (combining marks) dropped, invisible format and control characters (zero-width spaces, soft hyphens,
 * byte-order marks…) dropped, œ, æ and ß spelt out (oe, ae, ss), every run of white space (non-breaking
 * and other Unicode spaces included) one space, trimmed. So "Aïssata DEMBÉLÉ" is found by "dembele",
 * and « Société  Générale », « societe generale » and « Société Générale » followed by a zero-width
 * space are the same name.
 * <p>
 * The one normalisation of names in this service: participants' free-text search compares these keys
 * (MongoDB has no accent-insensitive contains without {@code $text} or collations the test store
 * lacks; a stored key searched with a quoted regular expression works on both), and organisations'
 * names are unique per country under it ({@code organizations.NameKey}).
 */
public final class SearchKey {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    /** Accents, and characters that show nothing: format (zero-width space, joiners, soft hyphen, BOM) and control. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{M}\\p{Cf}\\p{Cc}]+");
    private static final Pattern REPEATED_SPACES = Pattern.compile(" {2,}");

    private SearchKey() {
    }

    /** The search key of {@code text}; empty for null. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        // lower case before dropping marks: lower-casing may itself add one (İ becomes i + combining dot)
        String lower = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        // spaces first: tabs and line breaks are control characters, but they separate words
        String spaced = SPACES.matcher(lower).replaceAll(" ");
        String bare = INVISIBLE.matcher(spaced).replaceAll("")
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        return REPEATED_SPACES.matcher(bare).replaceAll(" ").strip();
    }

    /** A MongoDB regular expression matching keys that contain {@code text}'s key, with every character literal. */
    public static String containsPattern(String text) {
        return Pattern.quote(of(text));
    }
}
