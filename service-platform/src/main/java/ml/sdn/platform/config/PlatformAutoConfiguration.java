package ml.sdn.platform.config;

import ml.sdn.platform.health.PlatformHealthConfiguration;
import ml.sdn.platform.idempotency.PlatformIdempotencyConfiguration;
import ml.sdn.platform.messaging.PlatformMessagingConfiguration;
import ml.sdn.platform.outbox.PlatformOutboxConfiguration;
import ml.sdn.platform.security.PlatformSecurityConfiguration;
import ml.sdn.platform.web.PlatformWebConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What every service gets by depending on service-platform. Runs before Boot's security
 * auto-configuration so that the platform's filter chain replaces Boot's default one.
 */
@AutoConfiguration(
        beforeName = {
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
                "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
                "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@Import({PlatformWebConfiguration.class, PlatformSecurityConfiguration.class, PlatformMessagingConfiguration.class,
        PlatformOutboxConfiguration.class, PlatformHealthConfiguration.class, PlatformIdempotencyConfiguration.class})
public class PlatformAutoConfiguration {
}
