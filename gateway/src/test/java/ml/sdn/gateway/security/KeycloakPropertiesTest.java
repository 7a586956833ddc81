package ml.sdn.gateway.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakPropertiesTest {

    @Test
    void sends_browsers_to_the_issuer_and_the_gateway_to_the_back_channel() {
        var keycloak = new KeycloakProperties("http://localhost:8180/realms/sdn",
                "http://keycloak:8080/realms/sdn/protocol/openid-connect/certs", "sdn-gateway", "secret");

        assertThat(keycloak.frontChannel("auth")).isEqualTo("http://localhost:8180/realms/sdn/protocol/openid-connect/auth");
        assertThat(keycloak.frontChannel("logout")).isEqualTo("http://localhost:8180/realms/sdn/protocol/openid-connect/logout");
        assertThat(keycloak.backChannel("token")).isEqualTo("http://keycloak:8080/realms/sdn/protocol/openid-connect/token");
    }

    @Test
    void uses_the_issuer_for_the_back_channel_when_the_key_set_uri_has_another_shape() {
        var keycloak = new KeycloakProperties("http://localhost:8180/realms/sdn",
                "http://keys.example/jwks.json", "sdn-gateway", "secret");

        assertThat(keycloak.backChannel("token")).isEqualTo("http://localhost:8180/realms/sdn/protocol/openid-connect/token");
    }
}
