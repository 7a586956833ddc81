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
    void invisible_characters_do_not_make_another_name() {
        assertThat(NameKey.of("Acme\u200B")).as("zero-width space").isEqualTo("acme");
        assertThat(NameKey.of("Ac\u00ADme")).as("soft hyphen").isEqualTo("acme");
        assertThat(NameKey.of("\uFEFFAcme\u200D")).as("byte-order mark, zero-width joiner").isEqualTo("acme");
        assertThat(NameKey.of("Acme\u0007")).as("control character").isEqualTo("acme");
        assertThat(NameKey.of("Acme \u200B Sahel")).isEqualTo("acme sahel");
    }

    @Test
    void compatibility_forms_are_the_plain_letters() {
        assertThat(NameKey.of("\uFF21\uFF43\uFF4D\uFF45")).as("full-width Ａｃｍｅ").isEqualTo("acme");
        assertThat(NameKey.of("\uFB01nance")).as("ligature ﬁ").isEqualTo("finance");
        assertThat(NameKey.of("Acme\u3000Sahel")).as("ideographic space").isEqualTo("acme sahel");
    }

    @Test
    void ligatures_and_sharp_s_are_spelt_out() {
        assertThat(NameKey.of("Œuvre Ænergie Straße")).isEqualTo("oeuvre aenergie strasse");
        assertThat(NameKey.of("STRAẞE")).isEqualTo(NameKey.of("Strasse"));
    }

    @Test
    void tabs_and_line_breaks_separate_words() {
        assertThat(NameKey.of("Agri\tTech\nSahel")).isEqualTo("agri tech sahel");
    }

    @Test
    void is_the_participants_search_key() {
        assertThat(NameKey.of("Aïssata\u200B DEMBÉLÉ")).isEqualTo(ml.sdn.registration.participants.SearchKey.of("Aïssata DEMBÉLÉ"));
    }

    @Test
    void operator_text_stays_plain_text() {
        assertThat(NameKey.of("{\"$gt\": \"\"}")).isEqualTo("{\"$gt\": \"\"}");
    }
}
