package ml.sdn.registration.organizations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationTokenTest {

    @Test
    void a_token_is_url_safe_random_and_only_its_hash_is_kept() {
        InvitationToken first = InvitationToken.generate();
        InvitationToken second = InvitationToken.generate();

        assertThat(first.value()).matches(InvitationToken.FORMAT).isNotEqualTo(second.value());
        assertThat(first.hash()).hasSize(64).isEqualTo(InvitationToken.hashOf(first.value())).doesNotContain(first.value());
    }

    @Test
    void the_hash_is_sha256_in_hex() {
        // echo -n abc | sha256sum
        assertThat(InvitationToken.hashOf("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
