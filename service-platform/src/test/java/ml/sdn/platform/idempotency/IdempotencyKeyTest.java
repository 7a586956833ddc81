package ml.sdn.platform.idempotency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdempotencyKeyTest {

    @Test
    void a_uuid_is_a_key_kept_as_sent() {
        assertThat(IdempotencyKey.of(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")).value())
                .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
    }

    @Test
    void a_key_of_255_characters_is_accepted_and_one_of_256_refused() {
        assertThat(new IdempotencyKey("k".repeat(255)).value()).hasSize(255);
        assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyKey("k".repeat(256)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "a\tb", "a\nb", "a\u0000b", "a\u007Fb", "a\u0085b", "\u001B[31m"})
    void an_empty_key_or_one_with_a_control_character_is_refused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyKey(value));
    }

    @Test
    void the_header_sent_twice_or_without_a_value_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.of(List.of("a", "b")));
        assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKey.of(List.of()));
    }

    @Test
    void printable_text_beyond_ascii_is_a_key() {
        assertThat(new IdempotencyKey("clé-été 2026").value()).isEqualTo("clé-été 2026");
    }
}
