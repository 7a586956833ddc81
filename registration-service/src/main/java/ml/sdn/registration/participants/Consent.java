package ml.sdn.registration.participants;

import java.time.Instant;

/** The terms a participant accepted: which version, and when. */
public record Consent(boolean accepted, String version, Instant acceptedAt) {
}
