package ml.sdn.gateway.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Keycloak's realm roles ({@code realm_access.roles}) as {@code ROLE_<role>}, the same mapping as the services. */
final class KeycloakRoles {

    private KeycloakRoles() {
    }

    static List<GrantedAuthority> fromClaims(Map<String, Object> claims) {
        if (!(claims.get("realm_access") instanceof Map<?, ?> realmAccess)
                || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
