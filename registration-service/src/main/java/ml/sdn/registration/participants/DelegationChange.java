package ml.sdn.registration.participants;

import java.time.Instant;

/**
 * One move of a person to another delegation, as the audit keeps it: from {@code previousCountry} to
 * {@code country}, why, by which organizer ({@code changedBy}, their Keycloak subject, and their name
 * then) and when.
 */
public record DelegationChange(String previousCountry, String country, String reason, String changedBy,
                               String changedByName, Instant changedAt) {
}
