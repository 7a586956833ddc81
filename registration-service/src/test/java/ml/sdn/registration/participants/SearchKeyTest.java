package ml.sdn.registration.participants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SearchKeyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Aïssata DEMBÉLÉ           | aissata dembele
            '  Fatoumata   Diarra  '  | fatoumata diarra
            Hélène Ouédraogo          | helene ouedraogo
            François Kaboré           | francois kabore
            Cœur de Lion              | coeur de lion
            Ÿ-Ñ ÂÇÊ                   | y-n ace
            '{"$gt": ""}'             | '{"$gt": ""}'
            """)
    void drops_accents_and_case_and_collapses_spaces(String name, String key) {
        assertThat(SearchKey.of(name)).isEqualTo(key);
    }

    @Test
    void invisible_and_compatibility_characters_do_not_hide_a_name() {
        assertThat(SearchKey.of("Dem\u200Bbélé")).isEqualTo("dembele");
        assertThat(SearchKey.of("\uFF24\uFF45\uFF4D\uFF42\uFF45\uFF4C\uFF45")).isEqualTo("dembele");
        assertThat(SearchKey.of("Weiß\u00A0Traoré")).isEqualTo("weiss traore");
        assertThat(SearchKey.of("İbrahim")).isEqualTo("ibrahim");
    }

    @Test
    void null_has_an_empty_key() {
        assertThat(SearchKey.of(null)).isEmpty();
    }

    @Test
    void the_contains_pattern_matches_the_text_literally() {
        Pattern dotStar = Pattern.compile(SearchKey.containsPattern(".*"));
        Pattern where = Pattern.compile(SearchKey.containsPattern("$where"));
        Pattern quoteEnd = Pattern.compile(SearchKey.containsPattern("a\\Eb"));

        assertThat(dotStar.matcher("aissata").find()).isFalse();
        assertThat(dotStar.matcher("x.*y").find()).isTrue();
        assertThat(where.matcher("$where-1").find()).isTrue();
        assertThat(where.matcher("where").find()).isFalse();
        assertThat(quoteEnd.matcher("za\\ebz").find()).isTrue();
    }

    @Test
    void an_accented_query_finds_the_plain_name_and_the_other_way_round() {
        assertThat(SearchKey.of("Aïssata Dembélé")).contains(SearchKey.of("DEMBELE"));
        assertThat(SearchKey.of("Aissata Dembele")).contains(SearchKey.of("dembélé"));
    }
}
