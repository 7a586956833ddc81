package ml.sdn.platform.health;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against a real broker (no topic auto-creation): while the service's topics could not be created at
 * startup, Kafka is not ready and each check tries again; once they are created, it is ready.
 */
class KafkaHealthIndicatorTest {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void is_up_with_the_broker_when_the_service_declares_no_topic() throws Exception {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
            admin.setApplicationContext(context);
            context.refresh();
            KafkaHealthIndicator indicator = new KafkaHealthIndicator(admin, Duration.ofSeconds(3));
            try {
                Health health = indicator.health(true);
                assertThat(health.getStatus()).as(health::toString).isEqualTo(Status.UP);
            } finally {
                indicator.destroy();
            }
        }
    }

    @Test
    void stays_down_until_the_declared_topics_are_created_and_keeps_trying_to_create_them() throws Exception {
        // the broker refuses this topic (as it cannot create any while it is away) until the cause is fixed
        NewTopic declared = new NewTopic("declared.topic", 1, (short) 1).configs(Map.of("cleanup.policy", "not-a-policy"));
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean("declared", NewTopic.class, () -> declared);
            KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
            admin.setOperationTimeout(5);
            admin.setFatalIfBrokerNotAvailable(false); // as Boot sets it from spring.kafka.admin.fail-fast: false
            admin.setApplicationContext(context);
            context.refresh();
            // what the KafkaAdmin bean does at startup: one try, failed, startup goes on
            admin.afterSingletonsInstantiated();

            KafkaHealthIndicator indicator = new KafkaHealthIndicator(admin, Duration.ofSeconds(3));
            try {
                Health health = indicator.health(true);
                assertThat(health.getStatus()).as(health::toString).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("topics", "not created yet");

                declared.configs(Map.of());

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Health now = indicator.health(true);
                    assertThat(now.getStatus()).as(now::toString).isEqualTo(Status.UP);
                });
                try (AdminClient client = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
                    assertThat(client.listTopics().names().get()).contains("declared.topic");
                }
            } finally {
                indicator.destroy();
            }
        }
    }
}
