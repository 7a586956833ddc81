package ml.sdn.platform.health;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The broker answers a cluster description within a short timeout, and the service's topics exist.
 * {@link KafkaAdmin} creates the declared topics once, at startup; brokers do not create topics on
 * their own, so while that has not succeeded (the broker was away) each check tries again and the
 * service stays not ready.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaHealthIndicator.class);

    private final KafkaAdmin kafkaAdmin;
    private final Map<String, Object> adminProperties;
    private final Duration timeout;
    private volatile AdminClient client;
    private volatile boolean topicsCreated;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin, Duration timeout) {
        super("Kafka broker not reachable");
        this.kafkaAdmin = kafkaAdmin;
        this.adminProperties = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        this.adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = client().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        builder.withDetail("clusterId", clusterId).withDetail("nodes", nodes);
        if (nodes == 0) {
            builder.down();
            return;
        }
        if (!topicsCreated) {
            // only once the broker answers: initialize() waits for its own (longer) timeouts
            topicsCreated = createTopics();
        }
        builder.withDetail("topics", topicsCreated ? "created" : "not created yet");
        if (topicsCreated) {
            builder.up();
        } else {
            builder.down();
        }
    }

    private synchronized boolean createTopics() {
        if (topicsCreated) {
            return true;
        }
        try {
            // after startup, initialize() throws when it fails; false only means the service declares no topic
            kafkaAdmin.initialize();
            return true;
        } catch (RuntimeException e) {
            log.warn("Topics not created yet, will retry: {}", e.toString());
            return false;
        }
    }

    private AdminClient client() {
        AdminClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = AdminClient.create(adminProperties);
                }
                current = client;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        AdminClient current = client;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
    }
}
