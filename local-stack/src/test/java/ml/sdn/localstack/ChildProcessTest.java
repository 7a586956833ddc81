package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @Test
    void stopEndsTheChildAndWhatItSpawned(@TempDir Path dir) {
        // like kc.sh: a shell that starts another process and waits for it
        ChildProcess child = ChildProcess.start("wrapper", List.of("sh", "-c", "sleep 300 & wait"), Map.of(), dir,
                dir.resolve("wrapper.log"));
        List<ProcessHandle> spawned = awaitDescendant(child);

        assertThat(child.stopAsked()).isFalse();
        child.stop(Duration.ofSeconds(5));

        assertThat(child.isAlive()).isFalse();
        assertThat(child.stopAsked()).as("its exit is not a crash to report").isTrue();
        assertThat(spawned).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void outputAndEnvironmentGoToTheLogFile(@TempDir Path dir) throws java.io.IOException {
        ChildProcess.run("echo", List.of("sh", "-c", "echo value=$SDN_TEST"), Map.of("SDN_TEST", "42"), dir,
                dir.resolve("echo.log"), Duration.ofSeconds(20));

        assertThat(java.nio.file.Files.readString(dir.resolve("echo.log"))).contains("value=42");
    }

    @Test
    void failingCommandReportsItsExitCodeAndOutput(@TempDir Path dir) {
        assertThatThrownBy(() -> ChildProcess.run("format", List.of("sh", "-c", "echo 'bad cluster id'; exit 1"), Map.of(),
                dir, dir.resolve("format.log"), Duration.ofSeconds(20)))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("format failed with exit code 1")
                .hasMessageContaining("bad cluster id");
    }

    private static List<ProcessHandle> awaitDescendant(ChildProcess child) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> child.tree().subList(1, child.tree().size()), spawned -> !spawned.isEmpty());
    }
}
