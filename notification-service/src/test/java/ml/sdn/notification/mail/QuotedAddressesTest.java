package ml.sdn.notification.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotedAddressesTest {

    @Test
    void an_address_goes_whatever_its_case_with_the_brackets_and_colon_around_it() {
        assertThat(QuotedAddresses.replaced("550 5.1.1 <Awa.T@Example.org>: mailbox unavailable", "[address]", "awa.t@example.org"))
                .isEqualTo("550 5.1.1 [address] mailbox unavailable");
        assertThat(QuotedAddresses.replaced("550 awa@example.org rejected; <AWA@EXAMPLE.ORG> unknown", "[erased]", " awa@example.org "))
                .isEqualTo("550 [erased] rejected; [erased] unknown");
    }

    @Test
    void a_replacement_is_taken_as_written_and_nothing_else_changes() {
        assertThat(QuotedAddresses.replaced("450 <a$1@example.org> busy", "$1\\", "a$1@example.org")).isEqualTo("450 $1\\ busy");
        assertThat(QuotedAddresses.replaced("Connection refused", "[erased]", "awa@example.org", null, " ")).isEqualTo("Connection refused");
        assertThat(QuotedAddresses.replaced(null, "[erased]", "awa@example.org")).isNull();
    }
}
