package ml.sdn.incubation.cohorts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a cohort's dates and milestone template must follow beyond each field's own format:
 * the end comes after the start, a cohort lasts at most {@value #MAX_DAYS} days, the start lies in a
 * plausible year, milestone codes are unique, and every milestone falls due by the cohort's end.
 * Plain Java: the first broken rule, naming the request field.
 */
public final class CohortPlan {

    static final int MAX_DAYS = 1096;
    static final int FIRST_YEAR = 2020;
    static final int LAST_YEAR = 2100;

    private CohortPlan() {
    }

    /** A broken rule: the request field, its message key and the message's arguments. */
    public record Rejection(String field, String messageKey, Object... arguments) {
    }

    /** One template milestone as far as the rules care. */
    public record PlannedMilestone(String code, int dueOffsetDays) {
    }

    public static Optional<Rejection> check(LocalDate start, LocalDate end, List<PlannedMilestone> milestones) {
        if (start.getYear() < FIRST_YEAR || start.getYear() > LAST_YEAR) {
            return Optional.of(new Rejection("startDate", "cohort.startDate.year", FIRST_YEAR, LAST_YEAR));
        }
        if (!end.isAfter(start)) {
            return Optional.of(new Rejection("endDate", "cohort.endDate.before-start", start.toString()));
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            return Optional.of(new Rejection("endDate", "cohort.endDate.too-long", MAX_DAYS));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            PlannedMilestone milestone = milestones.get(i);
            if (!codes.add(milestone.code())) {
                return Optional.of(new Rejection("milestones[" + i + "].code", "cohort.milestone.code.duplicate", milestone.code()));
            }
            LocalDate due = start.plusDays(milestone.dueOffsetDays());
            if (due.isAfter(end)) {
                return Optional.of(new Rejection("milestones[" + i + "].dueOffsetDays", "cohort.milestone.dueOffsetDays.after-end",
                        due.toString(), end.toString()));
            }
        }
        return Optional.empty();
    }
}
