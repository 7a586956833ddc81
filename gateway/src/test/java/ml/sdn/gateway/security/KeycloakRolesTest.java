package ml.sdn.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRolesTest {

    @Test
    void maps_realm_roles_to_spring_roles() {
        var claims = Map.<String, Object>of("realm_access", Map.of("roles", List.of("participant", "jury")));

        assertThat(KeycloakRoles.fromClaims(claims)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_participant", "ROLE_jury");
    }

    @Test
    void gives_no_role_when_the_claim_is_missing_or_malformed() {
        assertThat(KeycloakRoles.fromClaims(Map.of())).isEmpty();
        assertThat(KeycloakRoles.fromClaims(Map.of("realm_access", "organizer"))).isEmpty();
        assertThat(KeycloakRoles.fromClaims(Map.of("realm_access", Map.of("roles", "organizer")))).isEmpty();
    }
}
