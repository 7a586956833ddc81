package ml.sdn.incubation.incubatees;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What incubatees need of milestones, declared here and answered by the milestones feature, so that
 * incubatees never depend on it (milestones belong to incubatees, not the other way round).
 */
public interface IncubateeProgress {

    /** Progress of each incubatee given; incubatees without milestones get (0, 0, 0). */
    Map<String, Progress> progressOf(Collection<String> incubateeIds, Instant now);

    /**
     * The cohort's template milestones for a new incubatee; idempotent, so that an enrolment interrupted
     * before its milestones completes them when repeated.
     */
    void createFromTemplate(String incubateeId, ml.sdn.incubation.cohorts.Cohort cohort, Instant enrolledAt, Instant now);

    /** {@code percent}: validated out of all, rounded down; 0 without milestones. */
    record Progress(int milestones, int validated, int overdue) {

        public static final Progress NONE = new Progress(0, 0, 0);

        public int percent() {
            return milestones == 0 ? 0 : validated * 100 / milestones;
        }
    }
}
