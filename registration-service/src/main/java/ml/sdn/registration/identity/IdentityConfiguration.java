package ml.sdn.registration.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Duration;

/** Only where a Keycloak with the realm's {@code sdn-registration} client answers (the local stack, compose). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sdn.keycloak-admin.enabled")
@EnableConfigurationProperties(KeycloakAdminProperties.class)
class IdentityConfiguration {

    @Bean
    KeycloakCountry keycloakCountry(KeycloakAdminProperties keycloak) {
        // bounded waits: a Keycloak that does not answer fails the event, which is retried, never a stuck consumer
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(10));
        return new KeycloakCountry(new KeycloakUsers(RestClient.builder().requestFactory(requests), keycloak));
    }
}
