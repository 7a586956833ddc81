package ml.sdn.competition.jury;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner's and the reassignment's rules over many generated categories (seeded, so a failure
 * names a case that can be replayed), checked against an independent bounded max-flow.
 */
class AssignmentPropertiesTest {

    private static final int CASES = 200;

    private final AssignmentPlanner planner = new AssignmentPlanner();

    record Case(long seed, CategoryJury jury, List<Assignment> kept, int k) {
    }

    static Case generate(long seed) {
        Random random = new Random(seed);
        int applications = 1 + random.nextInt(60);
        int jurors = 3 + random.nextInt(13);
        int organisations = random.nextInt(7);
        int k = random.nextInt(10) < 7 ? 3 : 1 + random.nextInt(5);
        List<Juror> jurorList = new ArrayList<>();
        for (int j = 0; j < jurors; j++) {
            Set<String> memberOf = new HashSet<>();
            int memberships = organisations == 0 ? 0 : random.nextInt(3);
            for (int i = 0; i < memberships; i++) {
                memberOf.add("O" + random.nextInt(organisations));
            }
            jurorList.add(new Juror("J" + j, memberOf));
        }
        List<ApplicationToReview> applicationList = new ArrayList<>();
        for (int a = 0; a < applications; a++) {
            String organisation = organisations == 0 || random.nextInt(10) < 3 ? null : "O" + random.nextInt(organisations);
            String applicant = random.nextInt(10) == 0 ? "J" + random.nextInt(jurors) : "P" + a;
            applicationList.add(new ApplicationToReview("A" + a, organisation, applicant));
        }
        List<DeclaredConflict> conflicts = new ArrayList<>();
        int conflictPercent = random.nextInt(15);
        for (int a = 0; a < applications; a++) {
            for (int j = 0; j < jurors; j++) {
                if (random.nextInt(100) < conflictPercent) {
                    conflicts.add(new DeclaredConflict("J" + j, "A" + a));
                }
            }
        }
        List<Assignment> kept = new ArrayList<>();
        if (random.nextBoolean()) {
            int count = random.nextInt(applications + 1);
            for (int i = 0; i < count; i++) {
                kept.add(new Assignment("A" + random.nextInt(applications), "J" + random.nextInt(jurors)));
            }
        }
        return new Case(seed, new CategoryJury(applicationList, jurorList, conflicts), kept, k);
    }

    @Test
    void every_generated_category_gets_full_coverage_minimal_spread_and_no_conflicted_pair() {
        int balanced = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            Case c = generate(seed);
            AssignmentPlan plan = planner.plan(c.jury(), c.kept(), c.k());
            String label = "seed " + seed;

            // no conflicted, own-organisation or own pair, no juror twice on an application
            assertThat(plan.assignments()).as(label).allSatisfy(x -> assertThat(eligible(c.jury(), x)).isTrue());
            assertThat(new HashSet<>(plan.assignments())).as(label).hasSameSizeAs(plan.assignments());
            // every kept assignment that respects the rule is kept; the others are dropped, none lost
            Set<Assignment> keptInput = new TreeSet<>(c.kept());
            assertThat(plan.kept().size() + plan.dropped().size()).as(label).isEqualTo(keptInput.size());
            assertThat(plan.kept()).as(label).allSatisfy(x -> assertThat(keptInput).contains(x));

            // coverage: k jurors when that many may review it, otherwise all of them and a shortfall
            Map<String, Integer> count = countByApplication(plan.assignments());
            for (ApplicationToReview application : c.jury().applications()) {
                long keptHere = plan.kept().stream().filter(x -> x.applicationId().equals(application.id())).count();
                long mayReview = c.jury().jurors().stream()
                        .filter(j -> ConflictOfInterest.between(j, application, c.jury().conflicts()).isEmpty())
                        .count();
                int expected = (int) Math.max(keptHere, Math.min(c.k(), mayReview));
                int has = count.getOrDefault(application.id(), 0);
                assertThat(has).as(label + " " + application.id()).isEqualTo(expected);
                if (has < c.k()) {
                    assertThat(plan.shortfalls()).as(label).contains(new Shortfall(application.id(), c.k(), has));
                }
            }
            assertThat(plan.shortfalls()).as(label).allSatisfy(s -> assertThat(s.assigned()).isLessThan(s.required()));

            // loads are what the assignments say, and the spread is the smallest any plan could have
            assertThat(plan.loads()).as(label).isEqualTo(loadsOf(c.jury(), plan.assignments()));
            // (a smaller spread impossible ⇒ so is any spread ≤ 1 when the plan is not balanced)
            assertThat(oracle(c.jury(), plan.kept(), plan.assignments()).possibleWithSpread(plan.spread() - 1))
                    .as(label + " spread " + plan.spread() + " is not the smallest").isFalse();
            if (plan.balanced()) {
                balanced++;
            }
        }
        // the generator is not so hostile that balance is never possible
        assertThat(balanced).isGreaterThan(CASES / 2);
    }

    @Test
    void the_same_category_in_any_order_gives_an_equal_plan() {
        for (long seed = 1; seed <= CASES; seed++) {
            Case c = generate(seed);
            Random shuffle = new Random(seed * 31);
            List<ApplicationToReview> applications = new ArrayList<>(c.jury().applications());
            List<Juror> jurors = new ArrayList<>(c.jury().jurors());
            List<DeclaredConflict> conflicts = new ArrayList<>(c.jury().conflicts());
            List<Assignment> kept = new ArrayList<>(c.kept());
            Collections.shuffle(applications, shuffle);
            Collections.shuffle(jurors, shuffle);
            Collections.shuffle(conflicts, shuffle);
            Collections.shuffle(kept, shuffle);

            AssignmentPlan first = planner.plan(c.jury(), c.kept(), c.k());
            AssignmentPlan again = planner.plan(new CategoryJury(applications, jurors, conflicts), kept, c.k());

            assertThat(again).as("seed " + seed).isEqualTo(first);
        }
    }

    @Test
    void a_declared_conflict_is_withdrawn_replaced_and_loads_stay_as_balanced_as_fixed_reviews_allow() {
        int replaced = 0;
        for (long seed = 1; seed <= CASES; seed++) {
            Case c = generate(seed);
            AssignmentPlan plan = planner.plan(c.jury(), c.kept(), c.k());
            if (plan.assignments().isEmpty()) {
                continue;
            }
            Random random = new Random(seed * 7);
            Assignment conflicted = plan.assignments().get(random.nextInt(plan.assignments().size()));
            DeclaredConflict declared = new DeclaredConflict(conflicted.jurorId(), conflicted.applicationId());
            String label = "seed " + seed + " " + declared;

            Reassignment result = ConflictOfInterest.reassign(c.jury(), plan.kept(), plan.added(), declared);

            CategoryJury after = c.jury().withConflict(declared);
            Set<Assignment> now = new TreeSet<>(plan.assignments());
            now.removeAll(result.removed());
            result.added().forEach(x -> assertThat(now).as(label).doesNotContain(x));
            now.addAll(result.added());
            assertThat(result.withdrawn().get(0).assignment()).as(label).isEqualTo(conflicted);
            assertThat(now).as(label).doesNotContain(conflicted)
                    .allSatisfy(x -> assertThat(eligible(after, x)).isTrue());
            // fixed (kept) reviews never move
            assertThat(result.removed()).as(label).filteredOn(x -> !x.equals(conflicted))
                    .allSatisfy(x -> assertThat(plan.kept()).doesNotContain(x));
            // every application keeps its jury size, except the conflicted one if nobody could take over
            Map<String, Integer> before = countByApplication(plan.assignments());
            Map<String, Integer> later = countByApplication(now);
            for (ApplicationToReview application : c.jury().applications()) {
                int expected = before.getOrDefault(application.id(), 0)
                        - (result.unfilledApplicationIds().contains(application.id()) ? 1 : 0);
                assertThat(later.getOrDefault(application.id(), 0)).as(label + " " + application.id()).isEqualTo(expected);
            }
            if (result.unfilledApplicationIds().isEmpty()) {
                replaced++;
            }
            assertThat(result.loads()).as(label).isEqualTo(loadsOf(after, now));
            assertThat(oracle(after, plan.kept(), now).possibleWithSpread(result.spread() - 1))
                    .as(label + " spread " + result.spread() + " is not the smallest").isFalse();
        }
        assertThat(replaced).isGreaterThan(CASES / 2);
    }

    @Test
    void more_jurors_wanted_than_eligible_reports_the_shortfall_of_every_application() {
        // 5 jurors, k = 4; everyone belongs to O1 except J0 and J1: applications of O1 can only get 2.
        List<Juror> jurors = new ArrayList<>();
        for (int j = 0; j < 5; j++) {
            jurors.add(new Juror("J" + j, j < 2 ? Set.of() : Set.of("O1")));
        }
        List<ApplicationToReview> applications = new ArrayList<>();
        for (int a = 0; a < 6; a++) {
            applications.add(new ApplicationToReview("A" + a, a % 2 == 0 ? "O1" : null, "P" + a));
        }

        AssignmentPlan plan = planner.plan(new CategoryJury(applications, jurors, List.of()), List.of(), 4);

        assertThat(plan.shortfalls()).containsExactly(
                new Shortfall("A0", 4, 2), new Shortfall("A2", 4, 2), new Shortfall("A4", 4, 2));
        assertThat(plan.assignments()).hasSize(3 * 2 + 3 * 4);
        // J0 and J1 take the three O1 applications (3 each). The other three want 4 of 5 jurors: 12 seats,
        // J2..J4 can take at most 3 each (one per application), so J0 and J1 take 3 more between them:
        // 9 for two jurors, one of them at least 5. 5,4,3,3,3 is the best possible, and not balanced.
        assertThat(plan.loads()).isEqualTo(Map.of("J0", 5, "J1", 4, "J2", 3, "J3", 3, "J4", 3));
        assertThat(plan.balanced()).isFalse();
    }

    @Test
    void ten_thousand_applications_and_sixty_jurors_are_planned() {
        Random random = new Random(10_000);
        List<Juror> jurors = new ArrayList<>();
        for (int j = 0; j < 60; j++) {
            jurors.add(new Juror("J" + j, random.nextInt(4) == 0 ? Set.of("O" + random.nextInt(500)) : Set.of()));
        }
        List<ApplicationToReview> applications = new ArrayList<>();
        List<DeclaredConflict> conflicts = new ArrayList<>();
        for (int a = 0; a < 10_000; a++) {
            applications.add(new ApplicationToReview("A" + a, random.nextInt(3) == 0 ? null : "O" + random.nextInt(500), "P" + a));
            if (random.nextInt(5) == 0) {
                conflicts.add(new DeclaredConflict("J" + random.nextInt(60), "A" + a));
            }
        }
        CategoryJury jury = new CategoryJury(applications, jurors, conflicts);

        AssignmentPlan plan = planner.plan(jury, List.of());

        assertThat(plan.complete()).isTrue();
        assertThat(plan.assignments()).hasSize(30_000).allSatisfy(x -> assertThat(eligible(jury, x)).isTrue());
        assertThat(plan.loads().values()).allSatisfy(load -> assertThat(load).isBetween(500, 500));
    }

    // --- helpers, independent of the planner's internals

    private static boolean eligible(CategoryJury jury, Assignment assignment) {
        Juror juror = jury.jurors().stream().filter(j -> j.id().equals(assignment.jurorId())).findFirst().orElseThrow();
        ApplicationToReview application = jury.applications().stream()
                .filter(a -> a.id().equals(assignment.applicationId())).findFirst().orElseThrow();
        return !juror.id().equals(application.applicantId())
                && (application.organisationId() == null || !juror.organisationIds().contains(application.organisationId()))
                && !jury.conflicts().contains(new DeclaredConflict(juror.id(), application.id()));
    }

    private static Map<String, Integer> countByApplication(java.util.Collection<Assignment> assignments) {
        Map<String, Integer> count = new HashMap<>();
        assignments.forEach(x -> count.merge(x.applicationId(), 1, Integer::sum));
        return count;
    }

    private static Map<String, Integer> loadsOf(CategoryJury jury, java.util.Collection<Assignment> assignments) {
        Map<String, Integer> loads = new TreeMap<>();
        jury.jurors().forEach(j -> loads.put(j.id(), 0));
        assignments.forEach(x -> loads.merge(x.jurorId(), 1, Integer::sum));
        return loads;
    }

    /** The oracle over the plans that keep {@code fixed} and give each application as many jurors as {@code result}. */
    private static BoundedLoads oracle(CategoryJury jury, List<Assignment> fixed, java.util.Collection<Assignment> result) {
        List<ApplicationToReview> applications = jury.applications();
        List<Juror> jurors = jury.jurors();
        Set<Assignment> fixedSet = new HashSet<>(fixed);
        Map<String, Integer> total = countByApplication(result);
        Map<String, Integer> fixedCount = countByApplication(fixed);
        int[] need = new int[applications.size()];
        boolean[][] free = new boolean[applications.size()][jurors.size()];
        int[] fixedLoad = new int[jurors.size()];
        for (int a = 0; a < applications.size(); a++) {
            String id = applications.get(a).id();
            need[a] = total.getOrDefault(id, 0) - fixedCount.getOrDefault(id, 0);
            for (int j = 0; j < jurors.size(); j++) {
                Assignment pair = new Assignment(id, jurors.get(j).id());
                free[a][j] = !fixedSet.contains(pair) && eligible(jury, pair);
            }
        }
        for (int j = 0; j < jurors.size(); j++) {
            String id = jurors.get(j).id();
            fixedLoad[j] = (int) fixed.stream().filter(x -> x.jurorId().equals(id)).count();
        }
        return new BoundedLoads(need, free, fixedLoad);
    }
}
