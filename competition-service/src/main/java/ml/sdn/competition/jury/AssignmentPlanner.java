package ml.sdn.competition.jury;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The automatic jury assignment of one category.
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li><b>Conflicts of interest.</b> No juror reviews their own application, an application of an
 *       organisation they belong to, or one they declared a conflict for ({@link ConflictOfInterest}).
 *       An existing assignment that breaks this is not kept: it is listed in
 *       {@link AssignmentPlan#dropped()} with the reason.</li>
 *   <li><b>Kept assignments stay.</b> Existing assignments given to the planner (manual ones, reviews
 *       already started) are kept as they are and count in the loads.</li>
 *   <li><b>Coverage first.</b> Every application gets k jurors (default {@value #DEFAULT_JURORS_PER_APPLICATION}),
 *       counting its kept ones; when fewer than k jurors may review it, it gets all of them and is
 *       reported in {@link AssignmentPlan#shortfalls()}. Coverage is never traded for balance.</li>
 *   <li><b>Balance.</b> Juror loads (kept + added, over the whole category, every juror counted)
 *       differ by at most one whenever some plan with that coverage allows it. When none does
 *       (kept assignments or conflicts make it impossible), the plan has the smallest possible
 *       max−min spread, and {@link AssignmentPlan#balanced()} says false.</li>
 *   <li><b>Deterministic.</b> Applications and jurors are sorted by id and every tie is broken by id,
 *       with no randomness: the same input (in any order) gives an equal plan, which can be re-run and
 *       audited.</li>
 * </ol>
 *
 * <h2>Algorithm</h2>
 * <ol>
 *   <li><b>Greedy.</b> Applications are taken from the most constrained (fewest jurors who may still
 *       take it) to the least, ties by id; each gets its missing jurors among the least-loaded
 *       eligible jurors, ties by juror id. Jurors have no capacity, so each application gets
 *       min(k − kept, eligible jurors not on it yet) jurors: the best coverage possible, application by
 *       application, which no later step changes.</li>
 *   <li><b>Repair by exchange paths.</b> Build the exchange graph on jurors: an arc u → v when some
 *       added (not kept) assignment of u is to an application that v may review and does not have. A
 *       path s → … → t lets each juror on it pass one application on to the next: s loses one,
 *       t gains one, everyone else and every application's jury size stay the same. While some juror s
 *       reaches some t with load(t) ≤ load(s) − 2, shift along the shortest such path (s taken from the
 *       most loaded, t the least loaded it reaches; ties by distance then id). Each shift lowers
 *       Σ load² by at least 2, so the repair ends.</li>
 * </ol>
 *
 * <h2>Why the result is as balanced as possible</h2>
 * Fix the kept assignments and each application's number of jurors. The load vectors of all plans
 * with that coverage are the degree vectors, on the juror side, of the b-matchings of a bipartite
 * graph with fixed degrees on the application side: an integral base polyhedron (an M-convex set).
 * Two such plans differ by alternating paths and cycles, so "load − χ<sub>s</sub> + χ<sub>t</sub> is
 * also a plan's load" is exactly "t is reachable from s in the exchange graph". When the repair stops,
 * no reachable t has load(t) ≤ load(s) − 2; by Frank and Murota's characterisation (Discrete decreasing
 * minimization, Part I, Math. Programming 2022, Thm 3.3) that load vector is decreasingly minimal, and
 * in an M-convex set a decreasingly minimal element is also increasingly maximal: it has the smallest
 * maximum load and the largest minimum load of all plans at once, hence the smallest spread. So if any
 * plan with this coverage has loads within one of each other, this one does. The property tests check
 * this against an independent bounded max-flow.
 *
 * <h2>Cost</h2>
 * Greedy O(n·m log m) for n applications and m jurors; the exchange counts are kept up to date in
 * O(k·m) per change, and each repair step costs at most m breadth-first searches on m jurors.
 */
public final class AssignmentPlanner {

    public static final int DEFAULT_JURORS_PER_APPLICATION = 3;

    /** Plans with k = {@value #DEFAULT_JURORS_PER_APPLICATION}. */
    public AssignmentPlan plan(CategoryJury jury, Collection<Assignment> kept) {
        return plan(jury, kept, DEFAULT_JURORS_PER_APPLICATION);
    }

    public AssignmentPlan plan(CategoryJury jury, Collection<Assignment> kept, int jurorsPerApplication) {
        if (jurorsPerApplication < 1) {
            throw new IllegalArgumentException("jurors per application must be at least 1, was " + jurorsPerApplication);
        }
        Roster roster = new Roster(jury);
        LoadBalancer balancer = new LoadBalancer(roster.eligibility(), roster.jurorCount());

        List<Assignment> keptValid = new ArrayList<>();
        List<AssignmentPlan.Dropped> dropped = new ArrayList<>();
        for (Assignment assignment : new TreeSet<>(kept)) {
            Optional<AssignmentPlan.DropReason> broken = roster.check(assignment);
            if (broken.isPresent()) {
                dropped.add(new AssignmentPlan.Dropped(assignment, broken.get()));
            } else {
                keptValid.add(assignment);
                balancer.keep(roster.applicationIndex(assignment.applicationId()), roster.jurorIndex(assignment.jurorId()));
            }
        }

        int[] freeAtStart = IntStream.range(0, roster.applicationCount()).map(balancer::freeCount).toArray();
        List<Integer> mostConstrainedFirst = IntStream.range(0, roster.applicationCount()).boxed()
                .sorted(Comparator.<Integer>comparingInt(a -> freeAtStart[a]).thenComparingInt(a -> a))
                .toList();
        List<Shortfall> shortfalls = new ArrayList<>();
        for (int a : mostConstrainedFirst) {
            int wanted = Math.max(0, jurorsPerApplication - balancer.assignedCount(a));
            balancer.fill(a, wanted);
        }
        balancer.rebalance();

        for (int a = 0; a < roster.applicationCount(); a++) {
            int has = balancer.assignedCount(a);
            if (has < jurorsPerApplication) {
                shortfalls.add(new Shortfall(roster.application(a).id(), jurorsPerApplication, has));
            }
        }
        Set<Assignment> keptSet = Set.copyOf(keptValid);
        List<Assignment> added = roster.assignments(balancer).stream().filter(x -> !keptSet.contains(x)).toList();
        return new AssignmentPlan(jurorsPerApplication, keptValid, added, dropped, shortfalls, roster.loads(balancer));
    }
}
