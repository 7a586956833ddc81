package ml.sdn.shutdown;

import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Every web application with this module on its class path (the four services through service-platform, the gateway,
 * the portal) goes unready {@code sdn.shutdown.unready-delay} (2 s) before its graceful shutdown
 * (docs/decisions/0018); under Tomcat, a request caught by the connector's pause is answered 503
 * ({@link PausedConnectorRefusals}).
 */
@AutoConfiguration
@ConditionalOnWebApplication
public class ShutdownHandoverAutoConfiguration {

    @Bean
    UnreadyBeforeShutdown unreadyBeforeShutdown(ApplicationEventPublisher publisher,
                                                @Value("${sdn.shutdown.unready-delay:2s}") Duration delay) {
        return new UnreadyBeforeShutdown(publisher, delay);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({Tomcat.class, ConfigurableTomcatWebServerFactory.class})
    static class TomcatPause {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> pausedConnectorRefusals() {
            return factory -> factory.addEngineValves(new PausedConnectorRefusals());
        }
    }
}
