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
        assertThat(PortOffsets.choose("13000", 1, PortOffsets.CANDIDATES)).isEqualTo(13000);
    }

    @Test
    void the_second_test_jvm_moves_a_given_offset_to_a_plan_of_its_own() {
        int second = PortOffsets.choose("13000", 2, PortOffsets.CANDIDATES);

        assertThat(second).isEqualTo(16000);
        Set<Integer> first = new HashSet<>(PortPlan.defaults().offsetBy(13000).byName().values());
        assertThat(PortPlan.defaults().offsetBy(second).byName().values()).doesNotContainAnyElementsOf(first);
    }

    @Test
    void an_offset_with_a_port_taken_is_passed_over() {
        // offsets no real run uses; which plan is free is decided here, not by what else runs on the machine
        // (these ports lie in the temporary-port range, where any outgoing connection may hold one)
        PortPlan busy = PortPlan.defaults().offsetBy(37_000);

        assertThat(PortOffsets.choose("auto", 1, List.of(37_000, 38_000), plan -> !plan.equals(busy))).isEqualTo(38_000);
    }

    @Test
    void a_plan_with_a_port_bound_is_not_free() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PortPlan plan = PortPlan.defaults().with(PortPlan.GATEWAY, taken.getLocalPort());

            assertThat(PortOffsets.allFree(plan)).isFalse();
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
}
