package ml.sdn.incubation.incubatees;

import java.time.Instant;
import java.util.Comparator;

/**
 * The order of a coach's dashboard, most in need of attention first: incubatees the scheduled check
 * flagged at risk, then the most overdue milestones, then the longest without contact (never
 * contacted counts from enrolment, so someone enrolled a month ago and never seen comes before someone
 * seen last week), then by title and id so that equal cases keep a stable order. Plain Java.
 */
public final class DashboardOrder {

    private DashboardOrder() {
    }

    /** What the order looks at. {@code lastContactAt} null: never contacted. */
    public record Line(String id, String title, boolean atRisk, int overdue, Instant lastContactAt, Instant enrolledAt) {

        Instant quietSince() {
            return lastContactAt != null ? lastContactAt : enrolledAt;
        }
    }

    public static final Comparator<Line> MOST_URGENT_FIRST = Comparator
            .comparing(Line::atRisk).reversed()
            .thenComparing(Comparator.comparingInt(Line::overdue).reversed())
            .thenComparing(Line::quietSince, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Line::title, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(Line::id);
}
