package ml.sdn.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRolesTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("sub-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void realm_roles_become_role_authorities() {
        Jwt token = jwt(Map.of("realm_access", Map.of("roles", List.of("participant", "organizer"))));

        assertThat(new KeycloakRoles().convert(token)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_participant", "ROLE_organizer");
    }

    @Test
    void client_roles_and_scopes_give_no_authority() {
        Jwt token = jwt(Map.of("scope", "openid profile",
                "resource_access", Map.of("sdn-gateway", Map.of("roles", List.of("organizer")))));

        assertThat(new KeycloakRoles().convert(token)).isEmpty();
    }

    @Test
    void a_malformed_realm_access_claim_gives_no_role() {
        assertThat(KeycloakRoles.of(jwt(Map.of("realm_access", "organizer")))).isEmpty();
        assertThat(KeycloakRoles.of(jwt(Map.of("realm_access", Map.of("roles", "organizer"))))).isEmpty();
    }

    @Test
    void the_caller_carries_subject_username_roles_and_country() {
        Jwt token = jwt(Map.of("preferred_username", "participant-ne", "email", "p@demo.sdn.ml", "name", "P NE",
                "country", "ne", "realm_access", Map.of("roles", List.of("participant"))));

        Caller caller = CallerArgumentResolver.fromJwt(token);

        assertThat(caller.id()).isEqualTo("sub-1");
        assertThat(caller.username()).isEqualTo("participant-ne");
        assertThat(caller.country()).isEqualTo("NE");
        assertThat(caller.hasRole("participant")).isTrue();
        assertThat(caller.hasRole("organizer")).isFalse();
    }

    @Test
    void a_token_without_country_gives_a_caller_without_country() {
        assertThat(CallerArgumentResolver.fromJwt(jwt(Map.of("preferred_username", "x"))).country()).isNull();
    }
}
