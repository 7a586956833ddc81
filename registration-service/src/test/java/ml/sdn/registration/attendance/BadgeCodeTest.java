package ml.sdn.registration.attendance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BadgeCodeTest {

    @Test
    void a_code_is_four_groups_of_four_letters_without_look_alikes() {
        String code = BadgeCode.generate(new SecureRandom());

        assertThat(code).matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
        assertThat(code).doesNotContain("0", "O", "1", "I");
    }

    @Test
    void codes_do_not_repeat() {
        SecureRandom random = new SecureRandom();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(BadgeCode.generate(random));
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void a_typed_code_is_accepted_in_any_case_with_or_without_dashes_and_spaces() {
        assertThat(BadgeCode.normalize("k7qm-4tzp-9xrd-hb3w")).contains("K7QM-4TZP-9XRD-HB3W");
        assertThat(BadgeCode.normalize("K7QM4TZP9XRDHB3W")).contains("K7QM-4TZP-9XRD-HB3W");
        assertThat(BadgeCode.normalize(" k7qm 4tzp 9xrd hb3w ")).contains("K7QM-4TZP-9XRD-HB3W");
    }

    @Test
    void a_generated_code_is_its_own_normal_form() {
        String code = BadgeCode.generate(new SecureRandom());

        assertThat(BadgeCode.normalize(code)).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K7QM-4TZP-9XRD-HB3", "K7QM-4TZP-9XRD-HB3WX", "K7QM-4TZP-9XRD-HB30", "K7QM-4TZP-9XRD-HB3I",
            "{\"$gt\":\"\"}", "$where", "K7QM_4TZP_9XRD_HB3W"})
    void text_that_cannot_be_a_code_is_refused(String typed) {
        assertThat(BadgeCode.normalize(typed)).isEmpty();
    }

    @Test
    void no_text_is_no_code() {
        assertThat(BadgeCode.normalize(null)).isEmpty();
    }
}
