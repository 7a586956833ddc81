package ml.sdn.shutdown;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * Every web application with this module on its class path (the four services through service-platform, the gateway)
 * goes unready {@code sdn.shutdown.unready-delay} (2 s) before its graceful shutdown (docs/decisions/0018).
 */
@AutoConfiguration
@ConditionalOnWebApplication
public class ShutdownHandoverAutoConfiguration {

    @Bean
    UnreadyBeforeShutdown unreadyBeforeShutdown(ApplicationEventPublisher publisher,
                                                @Value("${sdn.shutdown.unready-delay:2s}") Duration delay) {
        return new UnreadyBeforeShutdown(publisher, delay);
    }
}
