package ml.sdn.competition.applications;

import ml.sdn.competition.editions.CategoryCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptReferenceTest {

    @Test
    void names_the_edition_the_category_and_a_four_digit_sequence() {
        assertThat(ReceiptReference.format(3, CategoryCode.START_UP_CHALLENGE, 1)).isEqualTo("SDN3-SUC-0001");
        assertThat(ReceiptReference.format(3, CategoryCode.PROJECT_CONTEST, 42)).isEqualTo("SDN3-PRC-0042");
        assertThat(ReceiptReference.format(12, CategoryCode.START_UP_CHALLENGE, 9999)).isEqualTo("SDN12-SUC-9999");
    }

    @Test
    void grows_past_four_digits_rather_than_wrapping() {
        assertThat(ReceiptReference.format(3, CategoryCode.PROJECT_CONTEST, 10_000)).isEqualTo("SDN3-PRC-10000");
    }

    @Test
    void sequences_start_at_one() {
        assertThatThrownBy(() -> ReceiptReference.format(3, CategoryCode.PROJECT_CONTEST, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
