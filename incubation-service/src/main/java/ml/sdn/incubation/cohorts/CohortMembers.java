package ml.sdn.incubation.cohorts;

import java.util.Collection;
import java.util.Map;

/**
 * What cohorts need of their members, declared here and answered by the incubatees feature: cohorts come
 * first (an incubatee is enrolled into one), so they never depend on incubatees.
 */
public interface CohortMembers {

    /** Incubatees not dropped, per cohort given (0 for a cohort without any). */
    Map<String, Long> seatsTaken(Collection<String> cohortIds);
}
