package ml.sdn.platform.health;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Readiness components {@code mongo} and {@code kafka} (the bean names make the component names). */
@Configuration(proxyBeanMethods = false)
public class PlatformHealthConfiguration {

    /**
     * Give up finding a MongoDB server after a few seconds (driver default: 30 s), so that requests and
     * the readiness probe fail fast and visibly while the database is away.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer sdnMongoServerSelectionTimeout(
            @Value("${sdn.mongodb.server-selection-timeout:5s}") Duration timeout) {
        return settings -> settings.applyToClusterSettings(cluster ->
                cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    // named as Boot's own so that Boot's hello-based indicator backs off
    @Bean("mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongoTemplate) {
        return new MongoPingHealthIndicator(mongoTemplate);
    }

    @Bean("kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin,
                                              @Value("${sdn.health.kafka-timeout:3s}") Duration timeout) {
        return new KafkaHealthIndicator(kafkaAdmin, timeout);
    }
}
