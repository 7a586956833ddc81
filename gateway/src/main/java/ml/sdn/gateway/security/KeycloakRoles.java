package ml.sdn.gateway.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keycloak's realm roles ({@code realm_access.roles}) as {@code ROLE_<role>}. Twin of the services'
 * {@code ml.sdn.platform.security.KeycloakRoles} (module service-platform, servlet): same filtering (only
 * non-blank strings, each once, in claim order) so a user has the same roles at the gateway and behind it.
 * Kept separate because the gateway is WebFlux and does not depend on service-platform; change both together.
 */
final class KeycloakRoles {

    static final String ROLE_PREFIX = "ROLE_";

    private KeycloakRoles() {
    }

    static List<GrantedAuthority> fromClaims(Map<String, Object> claims) {
        return of(claims).stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(ROLE_PREFIX + role)).toList();
    }

    /** The realm roles in the claims; empty when the claim is missing or not shaped as Keycloak's. */
    static Set<String> of(Map<String, Object> claims) {
        if (!(claims.get("realm_access") instanceof Map<?, ?> realmAccess)
                || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (Object role : roles) {
            if (role instanceof String name && !name.isBlank()) {
                result.add(name);
            }
        }
        return result;
    }
}
