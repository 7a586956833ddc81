package ml.sdn.incubation.incubatees;

import ml.sdn.incubation.incubatees.Incubatee.CoachAssignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An incubatee's coaches over time, oldest first; the current one is the assignment not yet ended
 * ({@code unassignedAt} null). Reassigning ends the current assignment at the moment the next begins,
 * so the history has no gap and no overlap. Plain Java.
 */
public final class CoachHistory {

    private CoachHistory() {
    }

    /** The assignment in force, if any. */
    public static Optional<CoachAssignment> current(List<CoachAssignment> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).unassignedAt() == null) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    /** The history after {@code coachId} takes over at {@code at}: every open assignment ends then, the new one starts. */
    public static List<CoachAssignment> reassign(List<CoachAssignment> history, String coachId, String coachName,
                                                 String assignedBy, Instant at) {
        List<CoachAssignment> next = new ArrayList<>(history.size() + 1);
        for (CoachAssignment assignment : history) {
            next.add(assignment.unassignedAt() != null ? assignment
                    : new CoachAssignment(assignment.coachId(), assignment.coachName(), assignment.assignedBy(),
                    assignment.assignedAt(), at));
        }
        next.add(new CoachAssignment(coachId, coachName, assignedBy, at, null));
        return next;
    }
}
