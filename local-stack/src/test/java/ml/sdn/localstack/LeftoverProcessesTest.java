package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverProcessesTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void childLeftByAKilledRunIsStoppedByTheNextStart(@TempDir Path dataDir) {
        ChildProcess orphan = ChildProcess.start("kafka", List.of("sh", "-c", "sleep 300 & wait"), Map.of(), dataDir,
                dataDir.resolve("kafka.log"));
        ProcessHandle spawned = spawnedBy(orphan);
        new LeftoverProcesses(dataDir).record(List.of(orphan));

        int stopped = new LeftoverProcesses(dataDir).stopLeftovers(out);

        assertThat(stopped).isEqualTo(2);
        assertThat(orphan.isAlive()).isFalse();
        assertThat(spawned.isAlive()).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Stopping kafka (pid " + orphan.pid() + ")");
        assertThat(dataDir.resolve("children.pids")).doesNotExist();
    }

    /**
     * The operator's failure: launcher and kc.sh killed with SIGKILL, Keycloak's JVM orphaned and holding its
     * port. Here a shell plays kc.sh and its sleep the JVM; a new instance plays the next start.
     */
    @Test
    void processSpawnedByAWrapperKilledWithSigkillIsStoppedByTheNextStart(@TempDir Path dataDir) {
        ChildProcess wrapper = ChildProcess.start("keycloak", List.of("sh", "-c", "sleep 600 & wait"), Map.of(), dataDir,
                dataDir.resolve("keycloak.log"));
        ProcessHandle jvm = spawnedBy(wrapper);
        try {
            new LeftoverProcesses(dataDir).record(List.of(wrapper));

            wrapper.tree().get(0).destroyForcibly();
            await().until(() -> !wrapper.isAlive());
            assertThat(jvm.isAlive()).as("the orphan outlives its wrapper").isTrue();
            assertThat(jvm.parent().map(ProcessHandle::pid)).isNotEqualTo(Optional.of(wrapper.pid()));

            int stopped = new LeftoverProcesses(dataDir).stopLeftovers(out);

            assertThat(stopped).isEqualTo(1);
            assertThat(jvm.isAlive()).isFalse();
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("Stopping keycloak › sleep (pid " + jvm.pid() + ") left running by an earlier run");
        } finally {
            jvm.destroyForcibly();
        }
    }

    @Test
    void descendantStaysRecordedAfterItsParentExits(@TempDir Path dataDir) throws Exception {
        ChildProcess wrapper = ChildProcess.start("keycloak", List.of("sh", "-c", "sleep 600 & wait"), Map.of(), dataDir,
                dataDir.resolve("keycloak.log"));
        ProcessHandle jvm = spawnedBy(wrapper);
        try {
            LeftoverProcesses running = new LeftoverProcesses(dataDir);
            running.record(List.of(wrapper));
            wrapper.tree().get(0).destroyForcibly();
            await().until(() -> !wrapper.isAlive());

            running.record(List.of(wrapper));

            assertThat(Files.readAllLines(dataDir.resolve("children.pids")))
                    .singleElement().asString().startsWith(jvm.pid() + " ").endsWith(" keycloak › sleep");
        } finally {
            jvm.destroyForcibly();
        }
    }

    /** Waits until the shell has started its background sleep. */
    private static ProcessHandle spawnedBy(ChildProcess child) {
        return await().until(() -> child.tree().stream().skip(1).findFirst(), Optional::isPresent).orElseThrow();
    }

    @Test
    void recycledPidWithAnotherStartTimeIsLeftAlone(@TempDir Path dataDir) throws Exception {
        ChildProcess unrelated = ChildProcess.start("other", List.of("sleep", "300"), Map.of(), dataDir,
                dataDir.resolve("other.log"));
        try {
            Files.writeString(dataDir.resolve("children.pids"),
                    LeftoverProcesses.line(unrelated.pid(), Instant.parse("2020-01-01T00:00:00Z"), "keycloak") + "\n");

            int stopped = new LeftoverProcesses(dataDir).stopLeftovers(out);

            assertThat(stopped).isZero();
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void recordedLineReadsBack() {
        Instant start = Instant.ofEpochMilli(1_795_862_800_123L);

        assertThat(LeftoverProcesses.parse(LeftoverProcesses.line(4242, start, "registration-service")))
                .contains(new LeftoverProcesses.Recorded(4242, start, "registration-service"));
        assertThat(LeftoverProcesses.parse("garbage")).isEmpty();
    }
}
