package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupMonitorTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void waitsUntilEveryTargetAnswersAndSaysSo() {
        StartupMonitor monitor = new StartupMonitor(out, Duration.ofSeconds(10), Duration.ofMillis(200));
        ReadyAfter kafka = new ReadyAfter("kafka", 3);
        ReadyAfter keycloak = new ReadyAfter("keycloak", 1);
        monitor.track(kafka);
        monitor.track(keycloak);

        monitor.awaitReady(List.of(kafka, keycloak));

        assertThat(kafka.probes).isEqualTo(3);
        assertThat(text()).contains("✓ kafka", "✓ keycloak", "ready after");
    }

    @Test
    void printsWhatIsStillStartingWhileWaiting() {
        StartupMonitor monitor = new StartupMonitor(out, Duration.ofSeconds(10), Duration.ofMillis(100));
        ReadyAfter slow = new ReadyAfter("keycloak", 5);
        monitor.track(slow);

        monitor.awaitReady(List.of(slow));

        assertThat(text()).contains("still starting: keycloak", "elapsed");
    }

    @Test
    void timeoutNamesThePartsThatAreNotReady() {
        StartupMonitor monitor = new StartupMonitor(out, Duration.ofMillis(600), Duration.ofSeconds(5));
        ReadyAfter never = new ReadyAfter("registration-service", Integer.MAX_VALUE);
        monitor.track(never);

        assertThatThrownBy(() -> monitor.awaitReady(List.of(never)))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("not ready after")
                .hasMessageContaining("registration-service");
    }

    @Test
    void childThatDiesEndsTheWaitWithTheTailOfItsLog(@TempDir Path dir) {
        ChildProcess child = ChildProcess.start("broken", List.of("sh", "-c", "echo starting; echo 'port already in use'; exit 3"),
                Map.of(), dir, dir.resolve("broken.log"));
        StartupMonitor monitor = new StartupMonitor(out, Duration.ofSeconds(20), Duration.ofSeconds(5));
        StartingPart part = new StartingPart() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public boolean probe() {
                return false;
            }

            @Override
            public Optional<ChildProcess> process() {
                return Optional.of(child);
            }
        };
        monitor.track(part);

        assertThatThrownBy(() -> monitor.awaitReady(List.of(part)))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("broken exited with code 3")
                .hasMessageContaining("port already in use");
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static final class ReadyAfter implements StartingPart {
        private final String name;
        private final int probesNeeded;
        int probes;

        ReadyAfter(String name, int probesNeeded) {
            this.name = name;
            this.probesNeeded = probesNeeded;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean probe() {
            return ++probes >= probesNeeded;
        }
    }
}
