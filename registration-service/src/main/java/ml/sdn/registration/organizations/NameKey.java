package ml.sdn.registration.organizations;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of an organisation's name under which two names are "the same" in a country: decomposed
 * (NFD) with the accents (combining marks) dropped, lower case, runs of white space (including
 * non-breaking spaces) collapsed into one and trimmed. « Société  Générale » and « societe generale »
 * share a key. A unique index on (country, key) refuses the second one, even when both arrive at once.
 */
final class NameKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private NameKey() {
    }

    static String of(String name) {
        String withoutAccents = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
