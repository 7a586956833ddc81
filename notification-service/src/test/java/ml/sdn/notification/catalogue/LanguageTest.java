package ml.sdn.notification.catalogue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {

    @ParameterizedTest
    @CsvSource({"en,EN", "EN,EN", "en-GB,EN", "en_US,EN", "fr,FR", "FR,FR", "fr-ML,FR"})
    void reads_the_preferred_language(String preferred, Language expected) {
        assertThat(Language.of(preferred)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"bm", "de", "  ", "not a language"})
    void anything_else_is_french(String preferred) {
        assertThat(Language.of(preferred)).isEqualTo(Language.FR);
    }
}
