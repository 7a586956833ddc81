package ml.sdn.e2e.portal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of notice notification-service sends has a name in words, in French and in English, in the portal's
 * bundles: the preferences page lists every kind the service answers, and the delivery log names each notice by
 * it, so a kind added to the catalogue without its words would show people a code. Plain file reading: the
 * catalogue's enum constants against the portal's {@code participant.preferences.kind.*} keys.
 */
class NotificationKindLabelsTest {

    private static final Path ROOT = Path.of(System.getProperty("sdn.repo-root", "..")).toAbsolutePath().normalize();
    private static final Path CATALOGUE = ROOT.resolve(
            "notification-service/src/main/java/ml/sdn/notification/catalogue/NotificationKind.java");
    private static final Path BUNDLES = ROOT.resolve("portal/src/main/resources/i18n");
    private static final Pattern KIND = Pattern.compile("(?m)^    ([A-Z][A-Z_]+)\\(Email\\.");

    @Test
    void every_kind_of_the_catalogue_has_its_words_in_french_and_in_english() throws IOException {
        List<String> kinds = new ArrayList<>();
        Matcher matcher = KIND.matcher(Files.readString(CATALOGUE));
        while (matcher.find()) {
            kinds.add(matcher.group(1));
        }
        assertThat(kinds).as("kinds read from %s", CATALOGUE).hasSizeGreaterThan(20).contains("SESSION_MOVED", "BROADCAST");

        Properties french = bundles(false);
        Properties english = bundles(true);
        for (String kind : kinds) {
            String key = "participant.preferences.kind." + kind;
            assertThat(french.getProperty(key)).as("French words for %s (%s)", kind, key).isNotBlank();
            assertThat(english.getProperty(key)).as("English words for %s (%s)", kind, key).isNotBlank();
        }
    }

    private static Properties bundles(boolean english) throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties"))
                    .filter(f -> f.getFileName().toString().endsWith("_en.properties") == english).toList()) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    all.load(reader);
                }
            }
        }
        return all;
    }
}
