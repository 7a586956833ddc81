package ml.sdn.incubation.milestones;

/**
 * Told inside the service (a Spring application event, not a Kafka one) when an incubatee's milestones
 * changed in a way that may end an at-risk spell (one was validated), so the risk is looked at again now
 * rather than at the next scheduled check.
 */
public record MilestonesChanged(String incubateeId) {
}
