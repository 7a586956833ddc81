package ml.sdn.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak is. {@code issuerUri} is what browsers see and what tokens carry in {@code iss};
 * {@code jwkSetUri} is where the gateway itself reaches the realm, which differs inside containers.
 */
@ConfigurationProperties("sdn.keycloak")
public record KeycloakProperties(String issuerUri, String jwkSetUri, String clientId, String clientSecret) {

    private static final String OIDC = "/protocol/openid-connect";

    /** The realm's base URL as the gateway reaches it (back channel: token, userinfo, keys). */
    String backChannelRealmUri() {
        return jwkSetUri.endsWith(OIDC + "/certs")
                ? jwkSetUri.substring(0, jwkSetUri.length() - (OIDC + "/certs").length())
                : issuerUri;
    }

    String frontChannel(String endpoint) {
        return issuerUri + OIDC + "/" + endpoint;
    }

    String backChannel(String endpoint) {
        return backChannelRealmUri() + OIDC + "/" + endpoint;
    }
}
