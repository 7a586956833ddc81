package ml.sdn.platform.security;

import java.util.Set;

/**
 * Who is calling, as the verified token says: {@code id} is the Keycloak subject, {@code roles} the
 * realm roles, {@code country} ML, BF or NE (or null if the token has none). Take it as a controller
 * method parameter.
 */
public record Caller(String id, String username, String email, String name, Set<String> roles, String country) {

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
