package ml.sdn.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class PlatformOutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongoTemplate, KafkaTemplate<Object, Object> kafkaTemplate,
                            ObjectProvider<OutboxCollection> collections,
                            @Value("${sdn.events.source:/sdn/${spring.application.name}}") String source,
                            @Value("${sdn.kafka.send-timeout:10s}") Duration sendTimeout,
                            @Value("${sdn.outbox.lock-at-most-for:60s}") Duration lockAtMostFor,
                            @Value("${sdn.outbox.retry-backoff:1s}") Duration retryBackoff,
                            @Value("${sdn.outbox.max-retry-backoff:30s}") Duration maxRetryBackoff,
                            ObjectProvider<MeterRegistry> meters) {
        // lock documents live in the service's own database, collection shedLock
        LockingTaskExecutor lock = new DefaultLockingTaskExecutor(new MongoLockProvider(mongoTemplate.getDb()));
        return new OutboxRelay(mongoTemplate, kafkaTemplate, collections.orderedStream().toList(), source, sendTimeout,
                lock, lockAtMostFor, retryBackoff, maxRetryBackoff, Clock.systemUTC(),
                new EventFigures(meters.getIfAvailable()));
    }

    @Bean
    OutboxBacklog outboxBacklog(MongoTemplate mongoTemplate, ObjectProvider<OutboxCollection> collections,
                                ObjectProvider<Clock> clock,
                                @Value("${sdn.outbox.metrics-refresh:10s}") Duration refresh) {
        return new OutboxBacklog(mongoTemplate, collections.orderedStream().toList(), refresh,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
