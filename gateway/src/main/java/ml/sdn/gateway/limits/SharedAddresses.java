package ml.sdn.gateway.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Networks through which many people reach the gateway from one address: the venue's Wi-Fi behind its public
 * address, a mobile operator's carrier-grade NAT. Counted per address like everyone else, a hall of people
 * would share one person's allowance of requests without credentials (home page, programme, the start of
 * every sign-in) and be refused together. Written in CIDR notation ({@code 196.200.80.0/24},
 * {@code 2c0f:f0f8::/32}, or one address); anything else stops the gateway at start, naming the entry.
 */
final class SharedAddresses {

    private record Network(byte[] prefix, int bits) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private final List<Network> networks;

    private SharedAddresses(List<Network> networks) {
        this.networks = networks;
    }

    static SharedAddresses of(List<String> entries) {
        return new SharedAddresses(entries.stream().map(SharedAddresses::network).toList());
    }

    boolean isEmpty() {
        return networks.isEmpty();
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return networks.stream().anyMatch(network -> network.contains(bytes));
    }

    private static Network network(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        // only literal addresses: a host name here would be looked up in DNS at start
        if (host.isEmpty() || !(host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            throw invalid(entry, "not an address");
        }
        byte[] prefix;
        try {
            prefix = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw invalid(entry, "not an address");
        }
        int bits = prefix.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(entry, "the prefix length is not a number");
            }
            if (bits < 0 || bits > prefix.length * 8) {
                throw invalid(entry, "the prefix length must be 0 to " + prefix.length * 8);
            }
        }
        return new Network(prefix, bits);
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        return new IllegalArgumentException("sdn.gateway.rate-limit.shared-addresses: '" + entry + "': " + why
                + " (expected CIDR notation such as 196.200.80.0/24 or 2c0f:f0f8::/32)");
    }
}
