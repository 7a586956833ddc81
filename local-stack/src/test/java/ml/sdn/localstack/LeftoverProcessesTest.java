package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverProcessesTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void childLeftByAKilledRunIsStoppedByTheNextStart(@TempDir Path dataDir) {
        ChildProcess orphan = ChildProcess.start("kafka", List.of("sh", "-c", "sleep 300 & wait"), Map.of(), dataDir,
                dataDir.resolve("kafka.log"));
        new LeftoverProcesses(dataDir).record(List.of(orphan));

        int stopped = new LeftoverProcesses(dataDir).stopLeftovers(out);

        assertThat(stopped).isEqualTo(1);
        assertThat(orphan.isAlive()).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Stopping kafka (pid " + orphan.pid() + ")");
        assertThat(dataDir.resolve("children.pids")).doesNotExist();
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
