package ml.sdn.competition.ranking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NormalisationTest {

    private static final double EPS = 1e-6;

    @Test
    void a_juror_with_a_single_review_keeps_the_raw_total() {
        // j has 2 and 4 (mean 3, sd 1); solo has one review of 9: nothing to calibrate it against
        double[] normalised = Normalisation.normalise(new String[]{"j", "j", "solo"}, new double[]{2, 4, 9});

        assertThat(normalised[2]).isEqualTo(9.0);
        // μ = 15/3 = 5; σ² = (9 + 1 + 16) / 3 = 26/3; σ ≈ 2.943920; j's 2 → 5 − σ, 4 → 5 + σ
        assertThat(normalised[0]).isCloseTo(2.056080, within(EPS));
        assertThat(normalised[1]).isCloseTo(7.943920, within(EPS));
    }

    @Test
    void a_juror_who_gives_everyone_the_same_total_gets_the_category_mean() {
        // flat: 7.1, 7.1, 7.1 (sd 0 — or 1e-16 after rounding); other: 3 and 5
        // μ = (7.1 × 3 + 3 + 5) / 5 = 29.3 / 5 = 5.86
        double[] normalised = Normalisation.normalise(new String[]{"flat", "flat", "flat", "other", "other"},
                new double[]{7.1, 7.1, 7.1, 3, 5});

        assertThat(normalised[0]).isCloseTo(5.86, within(EPS));
        assertThat(normalised[1]).isCloseTo(5.86, within(EPS));
        assertThat(normalised[2]).isCloseTo(5.86, within(EPS));
    }

    @Test
    void normalised_totals_stay_within_zero_and_ten() {
        // h: 0, 0, 0, 10 → mean 2.5; sd² = (3 × 6.25 + 56.25) / 4 = 18.75; sd ≈ 4.330127
        //   z(10) = 7.5 / 4.330127 ≈ 1.732051;  z(0) = −2.5 / 4.330127 ≈ −0.577350
        // k: 10, 10, 10, 10 (no spread → μ)
        // μ = 50 / 8 = 6.25; σ² = 5 × 100 / 8 − 6.25² = 62.5 − 39.0625 = 23.4375; σ ≈ 4.841229
        // h's 10 → 6.25 + 4.841229 × 1.732051 ≈ 14.635 → clamped to 10
        // h's 0  → 6.25 − 4.841229 × 0.577350 ≈ 3.454915
        double[] normalised = Normalisation.normalise(
                new String[]{"h", "h", "h", "h", "k", "k", "k", "k"},
                new double[]{0, 0, 0, 10, 10, 10, 10, 10});

        assertThat(normalised[3]).isEqualTo(10.0);
        assertThat(normalised[0]).isCloseTo(3.454915, within(EPS));
        assertThat(normalised[4]).isCloseTo(6.25, within(EPS));
    }

    @Test
    void a_harsh_and_a_lenient_juror_with_the_same_preferences_give_the_same_totals() {
        // harsh: 2, 4; lenient: 7, 9 — same order, same gaps: both become μ − σ and μ + σ
        // μ = 22 / 4 = 5.5; σ² = (12.25 + 2.25 + 2.25 + 12.25) / 4 = 7.25; σ ≈ 2.692582
        double[] normalised = Normalisation.normalise(new String[]{"harsh", "harsh", "lenient", "lenient"},
                new double[]{2, 4, 7, 9});

        assertThat(normalised[0]).isCloseTo(2.807418, within(EPS)).isCloseTo(normalised[2], within(EPS));
        assertThat(normalised[1]).isCloseTo(8.192582, within(EPS)).isCloseTo(normalised[3], within(EPS));
    }
}
