package ml.sdn.registration.participants;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTest {

    @Test
    void a_name_without_accents_is_the_key_of_the_accented_name() {
        assertThat(SearchTerms.of("traore").nameKey()).isEqualTo(SearchKey.of("Traoré"));
        assertThat(SearchTerms.of("  TRAORÉ ").nameKey()).isEqualTo("traore");
        assertThat(SearchKey.of("Moussa Traoré")).contains(SearchTerms.of("Traore").nameKey());
    }

    @Test
    void a_name_is_not_looked_for_in_phone_numbers() {
        assertThat(SearchTerms.of("traore").phoneDigits()).isNull();
        assertThat(SearchTerms.of("a1b2c3d4").phoneDigits()).isNull();
    }

    @Test
    void a_phone_number_is_looked_for_by_its_digits_however_it_is_written() {
        assertThat(SearchTerms.of("70 12 34 56").phoneDigits()).isEqualTo("70123456");
        assertThat(SearchTerms.of("+226 70-12-34-56").phoneDigits()).isEqualTo("22670123456");
        assertThat(SearchTerms.of("(226) 70.12").phoneDigits()).isEqualTo("2267012");
        assertThat(SearchTerms.of("70\u00a012").phoneDigits()).isEqualTo("7012");
    }

    @Test
    void too_few_digits_are_no_phone_search() {
        assertThat(SearchTerms.of("70").phoneDigits()).isNull();
        assertThat(SearchTerms.of("+").phoneDigits()).isNull();
    }

    @Test
    void an_email_address_is_looked_for_trimmed_in_lower_case() {
        assertThat(SearchTerms.of(" Awa.Traore@Demo.SDN.ml ").emailPart()).isEqualTo("awa.traore@demo.sdn.ml");
    }

    @Test
    void blank_text_is_no_search() {
        assertThat(SearchTerms.of(null).isEmpty()).isTrue();
        assertThat(SearchTerms.of("   ").isEmpty()).isTrue();
        assertThat(SearchTerms.of("\u200b").isEmpty()).isTrue();
    }
}
