package ml.sdn.platform.messaging;

import ml.sdn.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Kafka the same way in every service: values read as the record their {@code ce_type} names
 * (unknown fields ignored) behind an {@link ErrorHandlingDeserializer} so a bad record cannot loop;
 * bounded exponential retries, then the record goes to its consumer group's own dead-letter topic
 * {@code <topic>.<group>.DLT}, where {@link DeadLetterStore} keeps it for an organizer to look at and
 * replay. The platform declares those topics (one partition) from the service's {@code @KafkaListener}s.
 */
@Configuration(proxyBeanMethods = false)
@Import(DeadLetterController.class)
public class PlatformMessagingConfiguration {

    /** Jackson for events: ISO dates, unknown fields ignored (consumers must tolerate newer producers). */
    static JsonMapper eventMapper(JsonMapper base) {
        return base.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer sdnConsumerDeserializers(JsonMapper jsonMapper) {
        JsonMapper mapper = eventMapper(jsonMapper);
        return factory -> valueDeserializer(factory, () -> {
            JacksonJsonDeserializer<Object> json = new JacksonJsonDeserializer<>(mapper);
            json.setUseTypeHeaders(false);
            json.setTypeResolver(new CloudEventTypeResolver(mapper));
            return new ErrorHandlingDeserializer<>(json);
        });
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer sdnProducerSerializers(JsonMapper jsonMapper) {
        JsonMapper mapper = eventMapper(jsonMapper);
        return factory -> valueSerializer(factory, () -> new PlatformValueSerializer(mapper));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void valueDeserializer(DefaultKafkaConsumerFactory<?, ?> factory, Supplier<Deserializer<Object>> supplier) {
        ((DefaultKafkaConsumerFactory) factory).setValueDeserializerSupplier(supplier);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void valueSerializer(DefaultKafkaProducerFactory<?, ?> factory, Supplier<Serializer<Object>> supplier) {
        ((DefaultKafkaProducerFactory) factory).setValueSerializerSupplier(supplier);
    }

    @Bean
    ConsumedTopics sdnConsumedTopics(ConfigurableListableBeanFactory beanFactory,
                                     @Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String defaultGroup) {
        return ConsumedTopics.scan(beanFactory, defaultGroup);
    }

    /**
     * The topics this service publishes, with their partitions, as the contract names them ({@link Topics}):
     * brokers run with auto-create off, so the producer declares them, and only the producer. A service reading
     * a topic whose producer has not started yet is ready all the same and picks it up when it appears.
     */
    @Bean
    KafkaAdmin.NewTopics sdnPublishedTopics(@Value("${spring.application.name}") String applicationName,
                                            @Value("${sdn.kafka.replicas:1}") int replicas) {
        return new KafkaAdmin.NewTopics(Topics.publishedBy(applicationName).stream()
                .map(name -> TopicBuilder.name(name).partitions(Topics.partitionsOf(name)).replicas(replicas).build())
                .toArray(NewTopic[]::new));
    }

    /** The dead-letter topics of this service's consumer groups (brokers do not create topics on the fly). */
    @Bean
    KafkaAdmin.NewTopics sdnDeadLetterTopics(ConsumedTopics consumedTopics, @Value("${sdn.kafka.replicas:1}") int replicas) {
        return new KafkaAdmin.NewTopics(consumedTopics.deadLetterTopics().stream()
                .map(name -> TopicBuilder.name(name).partitions(1).replicas(replicas).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler sdnKafkaErrorHandler(KafkaTemplate<Object, Object> template,
                                             @Value("${sdn.kafka.retries:3}") int retries,
                                             @Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String defaultGroup) {
        // the failing listener's group (set on the consumer thread by the container) picks its own DLT;
        // partition -1: the broker picks the DLT partition, so a DLT may have fewer partitions than its topic
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, exception) -> {
            String group = KafkaUtils.getConsumerGroupId();
            return new TopicPartition(Topics.dltOf(record.topic(), group != null ? group : defaultGroup), -1);
        });
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(2000);
        return new DefaultErrorHandler(recoverer, backOff);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(MongoTemplate mongoTemplate) {
        return new ProcessedEvents(mongoTemplate);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterStore deadLetterStore(MongoTemplate mongoTemplate, KafkaTemplate<Object, Object> template,
                                    @Value("${sdn.kafka.send-timeout:10s}") Duration sendTimeout,
                                    ObjectProvider<MeterRegistry> meters) {
        return new DeadLetterStore(mongoTemplate, template, sendTimeout, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    DeadLetterListener sdnDeadLetterListener(KafkaProperties kafkaProperties, ConsumedTopics consumedTopics,
                                             DeadLetterStore store,
                                             @Value("${spring.application.name}") String applicationName,
                                             @Value("${sdn.dead-letters.max-backoff:30s}") Duration maxBackOff) {
        return new DeadLetterListener(kafkaProperties.buildConsumerProperties(), consumedTopics.deadLetterTopics(),
                applicationName + "-dead-letters", store, maxBackOff);
    }
}
