package ml.sdn.registration.organizations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeyTest {

    @Test
    void ignores_case_accents_and_repeated_spaces() {
        assertThat(NameKey.of("Société Générale")).isEqualTo("societe generale");
        assertThat(NameKey.of("  societe   generale ")).isEqualTo("societe generale");
        assertThat(NameKey.of("SOCIÉTÉ\u00a0GÉNÉRALE")).isEqualTo("societe generale");
    }

    @Test
    void precomposed_and_decomposed_accents_give_the_same_key() {
        assertThat(NameKey.of("Caf\u00e9 Num\u00e9rique")).isEqualTo(NameKey.of("Cafe\u0301 Nume\u0301rique"));
    }

    @Test
    void keeps_what_is_not_an_accent_or_a_space() {
        assertThat(NameKey.of("Agri-Tech Sahel 2.0")).isEqualTo("agri-tech sahel 2.0");
        assertThat(NameKey.of("AgriTech")).isNotEqualTo(NameKey.of("Agri Tech"));
    }

    @Test
    void operator_text_stays_plain_text() {
        assertThat(NameKey.of("{\"$gt\": \"\"}")).isEqualTo("{\"$gt\": \"\"}");
    }
}
