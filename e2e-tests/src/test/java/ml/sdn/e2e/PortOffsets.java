package ml.sdn.e2e;

import ml.sdn.localstack.PortPlan;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The end-to-end stack's port offset: the one given with {@code -Dsdn.e2e.port-offset=N}, or by default
 * ({@code auto}) the first of a few offsets whose ports are all free on 127.0.0.1, so that a second run (another
 * clone, a developer's stack on the usual ports plus 20000) does not fail on a taken port. An offset is claimed
 * with a lock file in the temporary folder, held until the JVM ends, so two runs starting at the same moment
 * never choose the same one. The end-to-end tests run in two JVMs ({@code sdn.e2e.forks}), each with a stack
 * of its own: with {@code auto} each claims a free offset; a given offset is the first JVM's, and JVM n takes
 * it plus (n − 1) × {@value #FORK_STEP}.
 */
final class PortOffsets {

    /**
     * Offsets whose port plans share no port with each other's, with the usual ports' or with the benchmarks'
     * (+30000, +35000): a plan's ports differ by 0–100, ~1000 and more than 5000, never by a multiple of 3000.
     */
    static final List<Integer> CANDIDATES = List.of(20000, 23000, 26000, 32000);

    /** Between two JVMs' given offsets: plans 3000 apart share no port (see {@link #CANDIDATES}). */
    static final int FORK_STEP = 3000;

    private static final List<FileChannel> CLAIMED = new ArrayList<>();

    private PortOffsets() {
    }

    /** {@code fork}: which of the test JVMs asks (Failsafe's fork number, from 1). */
    static int choose(String configured, int fork, List<Integer> candidates) {
        return choose(configured, fork, candidates, PortOffsets::allFree);
    }

    /** {@code free} tells whether every port of a plan can be bound now (the real check, or a test's). */
    static int choose(String configured, int fork, List<Integer> candidates, Predicate<PortPlan> free) {
        if (configured != null && !configured.isBlank() && !"auto".equals(configured.strip())) {
            return Integer.parseInt(configured.strip()) + (fork - 1) * FORK_STEP;
        }
        for (int offset : candidates) {
            if (claim(offset, free)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset for the end-to-end stack among " + candidates
                + " (each needs " + PortPlan.defaults().byName().size() + " free ports on 127.0.0.1): stop another stack, "
                + "or give one with -Dsdn.e2e.port-offset=N");
    }

    private static synchronized boolean claim(int offset, Predicate<PortPlan> free) {
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "sdn-e2e-ports-" + offset + ".lock");
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null || !free.test(PortPlan.defaults().offsetBy(offset))) {
                channel.close();
                return false;
            }
            CLAIMED.add(channel);
            return true;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return false;
        }
    }

    static boolean allFree(PortPlan plan) {
        for (int port : plan.byName().values()) {
            // SO_REUSEADDR before binding, as the stack's servers bind: a port whose last connection lingers in
            // TIME_WAIT is free for them, and must count as free here
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
