package ml.sdn.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerPropertiesTest {

    private final Properties properties = load(KafkaServerProperties.render(29092, 29093, Path.of("/data/kafka/data")));

    @Test
    void singleNodeIsBrokerAndControllerOnLoopback() {
        assertThat(properties.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(properties.getProperty("node.id")).isEqualTo("1");
        assertThat(properties.getProperty("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:29093");
        assertThat(properties.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093");
        assertThat(properties.getProperty("advertised.listeners")).contains("PLAINTEXT://127.0.0.1:29092");
        assertThat(properties.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(properties.getProperty("listener.security.protocol.map")).isEqualTo("CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    }

    @Test
    void topicsAreNeverCreatedByAccident() {
        assertThat(properties.getProperty("auto.create.topics.enable")).isEqualTo("false");
    }

    @Test
    void everyInternalTopicHasReplicationFactorOne() {
        assertThat(properties.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(properties.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(properties.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(properties.getProperty("share.coordinator.state.topic.replication.factor")).isEqualTo("1");
        assertThat(properties.getProperty("default.replication.factor")).isEqualTo("1");
        assertThat(properties.getProperty("min.insync.replicas")).isEqualTo("1");
    }

    @Test
    void logDirectoryIsTheGivenAbsolutePath() {
        assertThat(properties.getProperty("log.dirs")).isEqualTo(Path.of("/data/kafka/data").toAbsolutePath().toString());
    }

    private static Properties load(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }
}
