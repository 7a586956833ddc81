package ml.sdn.registration.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and as whom this service calls Keycloak's admin API. {@code url} is Keycloak's base address as this
 * service reaches it (inside containers not the issuer's host); off unless {@code enabled}.
 */
@ConfigurationProperties("sdn.keycloak-admin")
record KeycloakAdminProperties(boolean enabled, String url, String realm, String clientId, String clientSecret) {
}
