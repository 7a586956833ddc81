package ml.sdn.incubation.cohorts;

/**
 * A cohort as coordinators read it, to find the one whose summary they want: what it is and when, without
 * its capacity, seats or template (the organizers' and coaches' {@link CohortView}).
 */
public record CohortBrief(String id, String editionId, String name, String startDate, String endDate) {

    static CohortBrief of(Cohort cohort) {
        return new CohortBrief(cohort.id(), cohort.editionId(), cohort.name(), cohort.startDate(), cohort.endDate());
    }
}
