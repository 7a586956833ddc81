package ml.sdn.incubation.cohorts;

/**
 * Told inside the service (a Spring application event, not a Kafka one) when an organizer created a
 * cohort: preselected candidates of its edition that arrived before it can now be enrolled.
 */
public record CohortOpened(Cohort cohort) {
}
