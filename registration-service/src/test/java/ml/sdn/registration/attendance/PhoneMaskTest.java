package ml.sdn.registration.attendance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneMaskTest {

    @Test
    void keeps_the_country_prefix_and_the_last_two_digits() {
        assertThat(PhoneMask.of("+22370123456")).isEqualTo("+223 •• •• •• 56");
        assertThat(PhoneMask.of("+22670123456")).isEqualTo("+226 •• •• •• 56");
        assertThat(PhoneMask.of("+22790123456")).isEqualTo("+227 •• •• •• 56");
    }

    @Test
    void never_shows_more_than_two_national_digits() {
        String masked = PhoneMask.of("+22370123456");
        assertThat(masked.substring(4).replaceAll("\\D", "")).isEqualTo("56");
    }

    @Test
    void no_number_or_one_too_short_to_mask_shows_nothing() {
        assertThat(PhoneMask.of(null)).isNull();
        assertThat(PhoneMask.of("+2231")).isNull();
        assertThat(PhoneMask.of("70123456")).isNull();
    }
}
