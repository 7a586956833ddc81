package ml.sdn.portal.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in person as the token says (Keycloak subject, username, name, country, realm roles), and
 * the token itself, which the portal sends on to the services.
 */
public record CurrentUser(String id, String username, String name, String email, String country, Set<String> roles,
                          String accessToken) {

    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.empty();
    }

    /** The signed-in user; only called on pages the security set-up already keeps for signed-in users. */
    public static CurrentUser required() {
        return current().orElseThrow(() -> new IllegalStateException("no signed-in user on a page that needs one"));
    }

    public static CurrentUser of(Jwt jwt) {
        String name = jwt.getClaimAsString("name");
        String username = jwt.getClaimAsString("preferred_username");
        return new CurrentUser(jwt.getSubject(), username, name == null || name.isBlank() ? username : name,
                jwt.getClaimAsString("email"), jwt.getClaimAsString("country"), rolesOf(jwt), jwt.getTokenValue());
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isParticipant() {
        return is("participant");
    }

    public boolean isJuror() {
        return is("jury");
    }

    public boolean isCoach() {
        return is("coach");
    }

    public boolean isCoordinator() {
        return is("coordinator");
    }

    public boolean isOrganizer() {
        return is("organizer");
    }

    /** Door staff at the venue. */
    public boolean isStaff() {
        return is("staff");
    }

    /** Keycloak realm roles ({@code realm_access.roles}); empty when the claim is missing or oddly shaped. */
    static Set<String> rolesOf(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        Set<String> roles = new LinkedHashSet<>();
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> values) {
            values.stream().filter(String.class::isInstance).map(String.class::cast).filter(r -> !r.isBlank()).forEach(roles::add);
        }
        return Set.copyOf(roles);
    }

    @Override
    public String toString() { // never the token in a log line
        return "CurrentUser[" + username + ", " + country + ", " + roles + "]";
    }
}
