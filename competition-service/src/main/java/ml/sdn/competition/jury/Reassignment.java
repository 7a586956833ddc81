package ml.sdn.competition.jury;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of {@link ConflictOfInterest#reassign}: the net change to save and audit.
 *
 * @param withdrawn               assignments removed because the rule forbids them, the declared
 *                                conflict first (empty if the juror was not assigned to the application)
 * @param removed                 every assignment to delete: the withdrawn ones and those moved away by
 *                                rebalancing
 * @param added                   every assignment to create: replacements and rebalancing moves
 * @param unfilledApplicationIds  applications that lost a juror and found no eligible replacement
 * @param loads                   every juror's load after the change
 */
public record Reassignment(List<AssignmentPlan.Dropped> withdrawn, List<Assignment> removed,
                           List<Assignment> added, List<String> unfilledApplicationIds,
                           SortedMap<String, Integer> loads) {

    public Reassignment {
        withdrawn = List.copyOf(withdrawn);
        removed = List.copyOf(removed);
        added = List.copyOf(added);
        unfilledApplicationIds = List.copyOf(unfilledApplicationIds);
        loads = Collections.unmodifiableSortedMap(new TreeMap<>(loads));
    }

    public int spread() {
        return AssignmentPlan.spreadOf(loads);
    }

    public boolean balanced() {
        return spread() <= 1;
    }
}
