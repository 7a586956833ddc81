package ml.sdn.localstack;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Kafka is ready when describeCluster lists a node: the broker has joined its quorum and accepts clients. */
final class KafkaProbe implements AutoCloseable {

    private final String bootstrap;
    private Admin admin;

    KafkaProbe(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    boolean probe() throws Exception {
        if (admin == null) {
            Properties config = new Properties();
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
            admin = Admin.create(config);
        }
        boolean up = !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        if (up) {
            close();
        }
        return up;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
