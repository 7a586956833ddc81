package ml.sdn.incubation.sessions;

/**
 * Told inside the service (a Spring application event, not a Kafka one) once a session is logged, so that an
 * at-risk spell that it ends is cleared now rather than at the next scheduled check.
 */
public record SessionRecorded(String incubateeId) {
}
