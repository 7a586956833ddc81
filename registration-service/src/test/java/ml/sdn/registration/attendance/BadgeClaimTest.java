package ml.sdn.registration.attendance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BadgeClaimTest {

    @Test
    void the_phone_proves_with_or_without_its_country_code_and_whatever_the_spacing() {
        assertThat(BadgeClaim.proves("76 12 34 56", "+223 76 12 34 56", null)).isTrue();
        assertThat(BadgeClaim.proves("+22376123456", "76.12.34.56", null)).isTrue();
        assertThat(BadgeClaim.proves("0022376123456", "+223 76 12 34 56", null)).isTrue();
    }

    @Test
    void a_few_digits_another_number_or_a_blank_prove_nothing() {
        assertThat(BadgeClaim.proves("3456", "+223 76 12 34 56", null)).isFalse();
        assertThat(BadgeClaim.proves("76 12 34 57", "+223 76 12 34 56", null)).isFalse();
        assertThat(BadgeClaim.proves(" ", "+223 76 12 34 56", "a@b.org")).isFalse();
        assertThat(BadgeClaim.proves(null, "+223 76 12 34 56", "a@b.org")).isFalse();
        assertThat(BadgeClaim.proves("76 12 34 56", null, "a@b.org")).isFalse();
    }

    @Test
    void the_email_proves_in_any_case_and_only_the_same_address() {
        assertThat(BadgeClaim.proves(" Awa@Example.org ", null, "awa@example.org")).isTrue();
        assertThat(BadgeClaim.proves("awa@example.com", "+223 76 12 34 56", "awa@example.org")).isFalse();
        assertThat(BadgeClaim.proves("awa@example.org", "+223 76 12 34 56", null)).isFalse();
    }

    @Test
    void a_badge_is_locked_after_the_allowed_wrong_answers() {
        assertThat(BadgeClaim.locked(null)).isFalse();
        assertThat(BadgeClaim.locked(BadgeClaim.MAX_FAILED - 1)).isFalse();
        assertThat(BadgeClaim.locked(BadgeClaim.MAX_FAILED)).isTrue();
    }

    @Test
    void the_accounts_confirmed_place_stays_and_the_badges_place_beats_no_place() {
        assertThat(BadgeClaim.merge(AttendanceStatus.CONFIRMED, AttendanceStatus.CONFIRMED)).isEqualTo(BadgeClaim.Merge.KEEP_OWN);
        assertThat(BadgeClaim.merge(null, AttendanceStatus.CONFIRMED)).isEqualTo(BadgeClaim.Merge.MOVE);
        assertThat(BadgeClaim.merge(AttendanceStatus.CANCELLED, AttendanceStatus.CONFIRMED)).isEqualTo(BadgeClaim.Merge.MOVE);
        assertThat(BadgeClaim.merge(null, AttendanceStatus.CANCELLED)).isEqualTo(BadgeClaim.Merge.KEEP_OWN);
    }
}
