package ml.sdn.competition.jury;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who may not review what, and what happens when a juror declares a conflict on an application
 * they were assigned.
 *
 * <h2>The rule</h2>
 * A juror may not review an application
 * <ol>
 *   <li>they submitted themselves ({@link Reason#OWN_APPLICATION}: juror id = applicant id);</li>
 *   <li>of an organisation they belong to ({@link Reason#OWN_ORGANISATION});</li>
 *   <li>for which they declared a conflict of interest ({@link Reason#DECLARED_CONFLICT}).</li>
 * </ol>
 * When several apply, the first in this order is reported.
 *
 * <h2>Reassignment</h2>
 * {@link #reassign} takes the category's current assignments, split into <em>fixed</em> ones
 * (manual assignments and reviews already started: never moved) and <em>movable</em> ones
 * (automatic, not started), and the newly declared conflict. Then:
 * <ol>
 *   <li>every current assignment that breaks the rule is withdrawn — the declared one, and any other
 *       the rule now forbids (so no conflicted pair survives);</li>
 *   <li>each withdrawn application of the category is given, in application-id order, to the
 *       least-loaded juror who may review it and is not already on it (ties: smallest juror id); if
 *       there is none, the application is reported in {@link Reassignment#unfilledApplicationIds()};</li>
 *   <li>loads are then rebalanced by moving movable assignments only, with the same exchange paths as
 *       {@link AssignmentPlanner} (see there): every application keeps its number of jurors, no
 *       fixed assignment moves, and the result has the smallest max−min spread of juror loads that
 *       is possible without moving fixed assignments — so loads differ by at most one whenever that
 *       is possible at all.</li>
 * </ol>
 * The result is the net difference (removed / added), deterministic for the same input whatever the
 * order of the lists, ready to be saved and audited.
 */
public final class ConflictOfInterest {

    /** Why a juror may not review an application. */
    public enum Reason { OWN_APPLICATION, OWN_ORGANISATION, DECLARED_CONFLICT }

    private ConflictOfInterest() {
    }

    /** The reason {@code juror} may not review {@code application}, or empty if they may. */
    public static Optional<Reason> between(Juror juror, ApplicationToReview application,
                                           Collection<DeclaredConflict> declared) {
        if (juror.id().equals(application.applicantId())) {
            return Optional.of(Reason.OWN_APPLICATION);
        }
        if (application.organisationId() != null && juror.organisationIds().contains(application.organisationId())) {
            return Optional.of(Reason.OWN_ORGANISATION);
        }
        if (declared.contains(new DeclaredConflict(juror.id(), application.id()))) {
            return Optional.of(Reason.DECLARED_CONFLICT);
        }
        return Optional.empty();
    }

    /**
     * Withdraws {@code declared} (and any other assignment the rule forbids), replaces it by the
     * least-loaded eligible juror and rebalances movable assignments. {@code jury} may or may not
     * already list {@code declared}.
     */
    public static Reassignment reassign(CategoryJury jury, Collection<Assignment> fixed,
                                        Collection<Assignment> movable, DeclaredConflict declared) {
        Roster roster = new Roster(jury.withConflict(declared));
        LoadBalancer balancer = new LoadBalancer(roster.eligibility(), roster.jurorCount());

        Set<Assignment> before = new TreeSet<>();
        List<AssignmentPlan.Dropped> withdrawn = new ArrayList<>();
        SortedSet<Integer> toReplace = new TreeSet<>();
        Set<Assignment> fixedSet = new TreeSet<>(fixed);
        Set<Assignment> all = new TreeSet<>(fixedSet);
        all.addAll(movable);
        for (Assignment assignment : all) {
            before.add(assignment);
            Optional<AssignmentPlan.DropReason> broken = roster.check(assignment);
            if (broken.isPresent()) {
                withdrawn.add(new AssignmentPlan.Dropped(assignment, broken.get()));
                Integer application = roster.applicationIndex(assignment.applicationId());
                if (application != null) {
                    toReplace.add(application);
                }
                continue;
            }
            int a = roster.applicationIndex(assignment.applicationId());
            int j = roster.jurorIndex(assignment.jurorId());
            if (fixedSet.contains(assignment)) {
                balancer.keep(a, j);
            } else {
                balancer.add(a, j);
            }
        }
        // the declared conflict first in the report, then the others in assignment order
        withdrawn.sort((x, y) -> {
            boolean xd = x.assignment().equals(new Assignment(declared.applicationId(), declared.jurorId()));
            boolean yd = y.assignment().equals(new Assignment(declared.applicationId(), declared.jurorId()));
            return xd == yd ? x.assignment().compareTo(y.assignment()) : (xd ? -1 : 1);
        });

        List<String> unfilled = new ArrayList<>();
        for (AssignmentPlan.Dropped dropped : withdrawn) {
            Integer a = roster.applicationIndex(dropped.assignment().applicationId());
            if (a == null) {
                continue;
            }
            if (balancer.fill(a, 1) == 0) {
                unfilled.add(roster.application(a).id());
            }
        }
        balancer.rebalance();

        Set<Assignment> after = roster.assignments(balancer);
        List<Assignment> removed = before.stream().filter(x -> !after.contains(x)).sorted().toList();
        List<Assignment> added = after.stream().filter(x -> !before.contains(x)).sorted().toList();
        return new Reassignment(withdrawn, removed, added, unfilled.stream().distinct().sorted().toList(),
                roster.loads(balancer));
    }
}
