package ml.sdn.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RestartRequestsTest {

    @TempDir
    Path dataDir;

    private final List<String> done = new ArrayList<>();
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream());

    @Test
    void aRequestedInstanceIsStoppedAndStartedThenTheRequestIsAnswered() throws Exception {
        RestartRequests requests = new RestartRequests(dataDir);
        Files.createDirectories(dataDir.resolve("restart"));
        Files.createFile(dataDir.resolve("restart/registration-service-2"));

        assertThat(requests.pending()).containsExactly("registration-service-2");
        requests.handle("registration-service-2", this::recording, out);

        assertThat(done).containsExactly("stop registration-service-2", "start registration-service-2");
        assertThat(dataDir.resolve("restart/registration-service-2")).doesNotExist();
        assertThat(Files.readString(dataDir.resolve("restart/registration-service-2.result"))).contains("ready again");
        assertThat(requests.pending()).isEmpty();
    }

    @Test
    void anUnknownInstanceIsAnsweredWithTheReason() throws Exception {
        RestartRequests requests = new RestartRequests(dataDir);
        Files.createDirectories(dataDir.resolve("restart"));
        Files.createFile(dataDir.resolve("restart/keycloak-2"));

        requests.handle("keycloak-2", name -> {
            throw new IllegalArgumentException("no instance " + name + " in this stack");
        }, out);

        assertThat(Files.readString(dataDir.resolve("restart/keycloak-2.result"))).contains("could not restart keycloak-2: no instance");
        assertThat(requests.pending()).isEmpty();
    }

    @Test
    void requestsLeftByAnEarlierRunAreDropped() throws Exception {
        RestartRequests requests = new RestartRequests(dataDir);
        Files.createDirectories(dataDir.resolve("restart"));
        Files.createFile(dataDir.resolve("restart/gateway"));

        requests.clear();

        assertThat(requests.pending()).isEmpty();
    }

    private LocalStack.Instance recording(String name) {
        return new LocalStack.Instance() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String url() {
                return "http://127.0.0.1:9081";
            }

            @Override
            public void stop() {
                done.add("stop " + name);
            }

            @Override
            public void kill() {
                done.add("kill " + name);
            }

            @Override
            public void start(Duration timeout) {
                done.add("start " + name);
            }

            @Override
            public void awaitReady(Duration timeout) {
                done.add("ready " + name);
            }
        };
    }
}
