package ml.sdn.e2e;

import ml.sdn.localstack.PortPlan;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The end-to-end stack's ports: given, or the first offset whose ports are all free. */
class PortOffsetsTest {

    @Test
    void a_given_offset_is_taken_as_it_is() {
        assertThat(PortOffsets.choose("13000", PortOffsets.CANDIDATES)).isEqualTo(13000);
    }

    @Test
    void an_offset_with_one_port_taken_is_passed_over() throws IOException {
        // high offsets, away from the ones real runs use
        int busy = 37_000;
        int next = 38_000;
        try (ServerSocket taken = bindOrNull(PortPlan.defaults().offsetBy(busy).kafka())) {
            assertThat(PortOffsets.choose("auto", List.of(busy, next))).isEqualTo(next);
        }
    }

    @Test
    void the_candidates_never_share_a_port() {
        Set<Integer> seen = new HashSet<>();
        for (int offset : PortOffsets.CANDIDATES) {
            for (int port : PortPlan.defaults().offsetBy(offset).byName().values()) {
                assertThat(seen.add(port)).as("port %d of offset %d", port, offset).isTrue();
            }
        }
        seen.addAll(PortPlan.defaults().byName().values());
        for (int bench : List.of(30_000, 35_000)) {
            for (int port : PortPlan.defaults().offsetBy(bench).byName().values()) {
                assertThat(seen).as("benchmark offset %d", bench).doesNotContain(port);
            }
        }
    }

    /** The port bound here, or null when something else holds it already (taken either way). */
    private static ServerSocket bindOrNull(int port) {
        try {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (IOException alreadyTaken) {
            return null;
        }
    }
}
