package ml.sdn.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Same cases as service-platform's KeycloakRolesTest: the gateway and the services must agree on roles. */
class KeycloakRolesTest {

    private static Map<String, Object> realmRoles(Object... roles) {
        return Map.of("realm_access", Map.of("roles", new ArrayList<>(Arrays.asList(roles))));
    }

    @Test
    void maps_realm_roles_to_spring_roles() {
        assertThat(KeycloakRoles.fromClaims(realmRoles("participant", "jury"))).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_participant", "ROLE_jury");
    }

    @Test
    void skips_roles_that_are_not_strings_or_are_blank_and_keeps_each_role_once() {
        var claims = realmRoles("organizer", 42, "", "  ", null, List.of("jury"), "organizer", "coach");

        assertThat(KeycloakRoles.fromClaims(claims)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_organizer", "ROLE_coach");
    }

    @Test
    void client_roles_and_scopes_give_no_role() {
        var claims = Map.<String, Object>of("scope", "openid profile",
                "resource_access", Map.of("sdn-gateway", Map.of("roles", List.of("organizer"))));

        assertThat(KeycloakRoles.fromClaims(claims)).isEmpty();
    }

    @Test
    void gives_no_role_when_the_claim_is_missing_or_malformed() {
        assertThat(KeycloakRoles.fromClaims(Map.of())).isEmpty();
        assertThat(KeycloakRoles.fromClaims(Map.of("realm_access", "organizer"))).isEmpty();
        assertThat(KeycloakRoles.fromClaims(Map.of("realm_access", Map.of("roles", "organizer")))).isEmpty();
    }
}
