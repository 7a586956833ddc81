package ml.sdn.gateway.limits;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedAddressesTest {

    @Test
    void an_ipv4_network_holds_its_addresses_and_no_other() throws Exception {
        SharedAddresses venue = SharedAddresses.of(List.of("196.200.80.0/22"));

        assertThat(venue.contains(InetAddress.getByName("196.200.80.1"))).isTrue();
        assertThat(venue.contains(InetAddress.getByName("196.200.83.254"))).isTrue();
        assertThat(venue.contains(InetAddress.getByName("196.200.84.1"))).isFalse();
        assertThat(venue.contains(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(venue.contains(InetAddress.getByName("2c0f:f0f8::1"))).isFalse();
    }

    @Test
    void one_address_alone_and_ipv6_networks() throws Exception {
        SharedAddresses shared = SharedAddresses.of(List.of("41.73.120.7", "2c0f:f0f8::/32"));

        assertThat(shared.contains(InetAddress.getByName("41.73.120.7"))).isTrue();
        assertThat(shared.contains(InetAddress.getByName("41.73.120.8"))).isFalse();
        assertThat(shared.contains(InetAddress.getByName("2c0f:f0f8:12::5"))).isTrue();
        assertThat(shared.contains(InetAddress.getByName("2c0f:f0f9::5"))).isFalse();
    }

    @Test
    void none_configured_holds_nothing() throws Exception {
        SharedAddresses none = SharedAddresses.of(List.of());

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.contains(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @Test
    void an_entry_that_is_not_a_network_stops_the_start_naming_it() {
        for (String wrong : List.of("cicb.ml", "196.200.80.0/33", "196.200.80.0/x", "2c0f::/129", "/24")) {
            assertThatThrownBy(() -> SharedAddresses.of(List.of(wrong)))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("shared-addresses")
                    .hasMessageContaining("'" + wrong + "'");
        }
    }
}
