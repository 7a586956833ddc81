package ml.sdn.incubation.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * "Is this incubatee at risk?" An incubatee is at risk when no session was held for {@code noSessionDays}
 * Bamako days or more, or when {@code overdueMilestones} or more of their milestones are overdue. Days
 * without a session count from the day of the last session or, before the first one, from the later of the
 * enrolment day and the cohort's first day (nobody is late for coaching before their cohort starts). No
 * Spring here; the scheduled check gathers the facts, asks, and writes.
 */
public final class RiskRule {

    public static final String NO_RECENT_SESSION = "NO_RECENT_SESSION";
    public static final String OVERDUE_MILESTONES = "OVERDUE_MILESTONES";
    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    private RiskRule() {
    }

    /** Both at least 1: {@code sdn.incubation.no-session-days}, {@code sdn.incubation.overdue-milestones-for-risk}. */
    public record Thresholds(int noSessionDays, int overdueMilestones) {

        public Thresholds {
            if (noSessionDays < 1 || overdueMilestones < 1) {
                throw new IllegalArgumentException("Risk thresholds must be at least 1: " + noSessionDays + ", " + overdueMilestones);
            }
        }
    }

    /**
     * What the check knows of one incubatee: when the last session was held (null: never), when they were
     * enrolled, the cohort's first day (null: unknown), how many milestones are overdue today.
     */
    public record Facts(Instant lastSessionAt, Instant enrolledAt, LocalDate cohortStart, int overdueMilestones) {
    }

    /**
     * {@code reasons} in a fixed order (NO_RECENT_SESSION, then OVERDUE_MILESTONES), empty when not at risk;
     * {@code daysWithoutSession} counted from {@code quietSince} (null, and 0 days, when there is nothing to count from).
     */
    public record Assessment(boolean atRisk, List<String> reasons, int overdueMilestones, LocalDate quietSince,
                             long daysWithoutSession) {
    }

    public static Assessment assess(Facts facts, LocalDate today, Thresholds thresholds) {
        LocalDate quietSince = quietSince(facts);
        long days = quietSince == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(quietSince, today));
        List<String> reasons = new ArrayList<>();
        if (quietSince != null && days >= thresholds.noSessionDays()) {
            reasons.add(NO_RECENT_SESSION);
        }
        if (facts.overdueMilestones() >= thresholds.overdueMilestones()) {
            reasons.add(OVERDUE_MILESTONES);
        }
        return new Assessment(!reasons.isEmpty(), List.copyOf(reasons), facts.overdueMilestones(), quietSince, days);
    }

    /** The day the silence started: the last session's, else the later of the enrolment day and the cohort's first day. */
    static LocalDate quietSince(Facts facts) {
        if (facts.lastSessionAt() != null) {
            return LocalDate.ofInstant(facts.lastSessionAt(), BAMAKO);
        }
        LocalDate enrolled = facts.enrolledAt() == null ? null : LocalDate.ofInstant(facts.enrolledAt(), BAMAKO);
        if (enrolled == null) {
            return facts.cohortStart();
        }
        return facts.cohortStart() == null || enrolled.isAfter(facts.cohortStart()) ? enrolled : facts.cohortStart();
    }
}
