package ml.sdn.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads this service's DLTs (raw bytes: a dead letter is often unreadable JSON) into the
 * {@link DeadLetterStore}. Nothing runs when the service consumes no topic.
 */
public class DeadLetterListener implements SmartLifecycle {

    private final Map<String, Object> consumerProperties;
    private final List<String> deadLetterTopics;
    private final String groupId;
    private final DeadLetterStore store;
    private final Duration maxBackOff;
    private volatile ConcurrentMessageListenerContainer<String, byte[]> container;

    public DeadLetterListener(Map<String, Object> consumerProperties, List<String> deadLetterTopics, String groupId,
                              DeadLetterStore store, Duration maxBackOff) {
        this.consumerProperties = new HashMap<>(consumerProperties);
        this.deadLetterTopics = List.copyOf(deadLetterTopics);
        this.groupId = groupId;
        this.store = store;
        this.maxBackOff = maxBackOff;
    }

    /**
     * Retries a record the store could not keep without limit (1 s, doubling up to {@code maxBackOff}):
     * the DLT is its last copy, so the offset is committed only once MongoDB has it.
     */
    static BackOff storeBackOff(Duration maxBackOff) {
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
        backOff.setMaxInterval(Math.max(1000, maxBackOff.toMillis()));
        return backOff;
    }

    @Override
    public void start() {
        if (deadLetterTopics.isEmpty()) {
            return;
        }
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(properties,
                new StringDeserializer(), new ByteArrayDeserializer());
        ContainerProperties containerProperties = new ContainerProperties(deadLetterTopics.toArray(String[]::new));
        containerProperties.setGroupId(groupId);
        containerProperties.setMessageListener((MessageListener<String, byte[]>) store::keep);
        containerProperties.setObservationEnabled(true);
        ConcurrentMessageListenerContainer<String, byte[]> created = new ConcurrentMessageListenerContainer<>(factory, containerProperties);
        created.setCommonErrorHandler(new DefaultErrorHandler(storeBackOff(maxBackOff)));
        created.setBeanName("sdnDeadLetterListener");
        created.start();
        container = created;
    }

    @Override
    public void stop() {
        ConcurrentMessageListenerContainer<String, byte[]> current = container;
        if (current != null) {
            current.stop();
            container = null;
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }
}
