package ml.sdn.competition.jury;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The result of {@link AssignmentPlanner#plan}: every list sorted, so the same input always gives an
 * equal plan.
 *
 * @param jurorsPerApplication k, the number of jurors each application should get
 * @param kept                 the existing assignments kept (they respect the conflict-of-interest rule)
 * @param added                the assignments this plan adds
 * @param dropped              existing assignments that could not be kept, with why (never silently lost)
 * @param shortfalls           applications that have fewer than k jurors, with how many they have
 * @param loads                every juror's number of applications, kept and added
 */
public record AssignmentPlan(int jurorsPerApplication, List<Assignment> kept, List<Assignment> added,
                             List<Dropped> dropped, List<Shortfall> shortfalls,
                             SortedMap<String, Integer> loads) {

    /** Why an existing assignment was not kept. */
    public enum DropReason {
        OWN_APPLICATION, OWN_ORGANISATION, DECLARED_CONFLICT, APPLICATION_NOT_IN_CATEGORY, JUROR_NOT_IN_CATEGORY
    }

    /** An existing assignment that was not kept. */
    public record Dropped(Assignment assignment, DropReason reason) {
    }

    public AssignmentPlan {
        kept = List.copyOf(kept);
        added = List.copyOf(added);
        dropped = List.copyOf(dropped);
        shortfalls = List.copyOf(shortfalls);
        loads = Collections.unmodifiableSortedMap(new TreeMap<>(loads));
    }

    /** Kept and added assignments together, sorted by application then juror. */
    public List<Assignment> assignments() {
        return Stream.concat(kept.stream(), added.stream()).sorted().toList();
    }

    /** Highest minus lowest juror load (0 without jurors). */
    public int spread() {
        return spreadOf(loads);
    }

    /**
     * Whether juror loads differ by at most one. When false, the planner has proved that no plan giving
     * every application as many jurors, and keeping the kept assignments, has a smaller spread.
     */
    public boolean balanced() {
        return spread() <= 1;
    }

    /** Whether every application has its k jurors. */
    public boolean complete() {
        return shortfalls.isEmpty();
    }

    static int spreadOf(SortedMap<String, Integer> loads) {
        if (loads.isEmpty()) {
            return 0;
        }
        int max = Collections.max(loads.values());
        int min = Collections.min(loads.values());
        return max - min;
    }
}
