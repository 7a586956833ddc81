package ml.sdn.platform.security;

import java.util.Set;

/**
 * Who is calling, as the verified token says: {@code id} is the Keycloak subject, {@code roles} the
 * realm roles, {@code country} ML, BF or NE (or null if the token has none). {@code delegation} is the
 * country a coordinator coordinates: an attribute only Keycloak administrators can set, unlike
 * {@code country}, which people choose themselves at sign-up — so a coordinator's scope is never
 * something they can change. {@code emailVerified} is Keycloak's {@code email_verified}: whether the person
 * proved they read {@code email}. Take it as a controller method parameter.
 */
public record Caller(String id, String username, String email, String name, Set<String> roles, String country,
                     String delegation, boolean emailVerified) {

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A caller whose e-mail address is not known to be theirs. */
    public Caller(String id, String username, String email, String name, Set<String> roles, String country,
                  String delegation) {
        this(id, username, email, name, roles, country, delegation, false);
    }

    /** A caller without a delegation (everyone but coordinators). */
    public Caller(String id, String username, String email, String name, Set<String> roles, String country) {
        this(id, username, email, name, roles, country, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The country whose people this caller may see as a coordinator; null when not a coordinator or not assigned one. */
    public String coordinatedCountry() {
        return hasRole("coordinator") ? delegation : null;
    }
}
